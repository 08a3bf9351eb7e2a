// Gaps: need combinations no single service takes, dead ends, hand-offs that lose people,
// and entry settings from which a need is out of reach.

import { getJson } from './api.js';
import { heading, joined, onThisPage, p, replace } from './dom.js';
import { capital, caution, count, kindLabel, longDate, needLabel, needsLabel, num, pct, sectorLabel } from './format.js';
import { fillBoroughSelect, handleProblem, inBorough, nodeLink, showDefaultDate, startPage, status } from './page.js';
import { pagedTable, pagesOf, rowsAt as rowsOf, sortableTable } from './table.js';

/** Rows per page of the long tables. */
const ROWS = 25;

const handOff = (from, to) => `${sectorLabel(from)} → ${sectorLabel(to).toLowerCase()}`;

function why(row, state) {
  return joined(row.services.map((s) => [
    nodeLink(s.service, state),
    ` takes ${s.accepts.length ? s.accepts.map(needLabel).join(', ') : 'none of these needs'}`,
    s.excludes.length ? ` but excludes ${s.excludes.map(needLabel).join(', ')}` : '',
  ]), '; ');
}

const CONTENTS = [['stools', 'Between two stools'], ['unserved', 'No service accepts'], ['dead-ends', 'Dead ends'],
  ['hand-offs', 'Hand-offs that lose people'], ['unreachable', 'Courts and custody suites with a need out of reach']];

/** The first columns of a table of need combinations: where, which needs, how many people. */
const NEED_COLUMNS = [
  { label: 'Borough', value: (r) => r.boroughName },
  { label: 'Needs', value: (r) => needsLabel(r.needs) },
  { label: 'People', value: (r) => r.cases, numeric: true, render: (r) => num(r.cases) },
];

startPage(async (state, isCurrent) => {
  const content = document.getElementById('content');
  status('Loading the gaps…');
  const query = { asOf: state.asOf, borough: state.borough, limit: ROWS };
  const [gaps] = await Promise.all([getJson('/api/analysis/gaps', query), fillBoroughSelect()]);
  if (!isCurrent()) return;
  showDefaultDate(gaps.asOf);
  const asOf = gaps.asOf;
  const link = { ...state, asOf: state.asOf };
  // The long lists come a page at a time; pages[name] says how many rows each has in all, and their people.
  const pages = pagesOf(gaps);
  const stools = { length: pages.betweenTwoStools.total };
  const people = (name) => (pages[name].sum.atLeast ? `more than ${num(pages[name].sum.cases)}` : pages[name].sum.cases);
  const paged = (name, options) => pagedTable({ ...options, name, page: pages[name], rows: rowsOf(gaps, pages[name].path),
    load: (cursor) => getJson('/api/analysis/gaps', { ...query, cursor }), onError: (error) => handleProblem(error, () => {}) });
  const d = gaps.deadEnds;
  const none = `No referrals in the year to ${longDate(asOf)}.`;
  const where = inBorough(state);
  status('');
  replace(content,
    heading(2, 'l', `The year to ${longDate(asOf)}${where}`),
    p(d.cases === 0 ? none
      : `Of the people seen in the year with recorded needs, ${count(people('betweenTwoStools'), 'person was', 'people were')} between two stools `
        + `(${count(stools.length, 'combination', 'combinations')} of needs), ${count(people('unserved'), 'person had', 'people had')} a need no local service accepts, `
        + `and ${num(people('served'))} could be served by one service.`),
    d.resolved ? p(`${num(d.deadEnds)} of ${num(d.resolved)} people whose last referral was over 90 days old (${pct(d.rate)}) ended declined, unanswered or withdrawn, with nothing accepted after: a dead end.`) : null,
    onThisPage(CONTENTS),

    heading(2, 'l', 'Between two stools', { id: 'stools' }),
    p('People whose mix of needs no single local service will take: each need is accepted somewhere, but the services that take one need exclude another.'),
    paged('betweenTwoStools', { id: 'stools-table', caption: 'Need combinations no single service takes', sortBy: 2,
      empty: d.cases === 0 ? none : 'Nobody was between two stools.',
      columns: [...NEED_COLUMNS, { label: 'Why', value: () => '', sortable: false, render: (r) => why(r, link) }] }),

    heading(2, 'l', 'No service accepts', { id: 'unserved' }),
    p('People with a need that no service serving their borough accepts at all.'),
    paged('unserved', { id: 'unserved-table', caption: 'Needs no local service accepts', sortBy: 2,
      empty: d.cases === 0 ? none : 'Every need was accepted by some local service.',
      columns: [...NEED_COLUMNS, { label: 'Accepted by nobody', value: (r) => r.unacceptedNeeds.map(needLabel).join(', ') }] }),

    heading(2, 'l', 'Dead ends', { id: 'dead-ends' }),
    p('A dead end: the person’s last referral, over 90 days old, was declined, unanswered or withdrawn, and nothing was accepted after it.'),
    sortableTable({ id: 'dead-ends-hand-off', caption: 'Dead ends by hand-off (sector of the last referrer → sector referred to)',
      rows: d.byHandOff, sortBy: 3, empty: none,
      columns: [
        { label: 'Hand-off', value: (r) => handOff(r.from, r.to) },
        { label: 'People resolved', value: (r) => r.resolved, numeric: true, render: (r) => num(r.resolved) },
        { label: 'Dead ends', value: (r) => r.deadEnds, numeric: true, render: (r) => num(r.deadEnds) },
        { label: 'Dead-end rate', value: (r) => r.rate, numeric: true, render: (r) => `${pct(r.rate)}${caution(r.resolved)}` },
      ] }),
    sortableTable({ id: 'dead-ends-borough', caption: 'Dead ends by borough', rows: d.byBorough, sortBy: 4, limit: 15, empty: none,
      columns: [
        { label: 'Borough', value: (r) => r.boroughName },
        { label: 'People seen', value: (r) => r.cases, numeric: true, render: (r) => num(r.cases) },
        { label: 'Resolved', value: (r) => r.resolved, numeric: true, render: (r) => num(r.resolved) },
        { label: 'Dead ends', value: (r) => r.deadEnds, numeric: true, render: (r) => num(r.deadEnds) },
        { label: 'Dead-end rate', value: (r) => r.rate, numeric: true, render: (r) => `${pct(r.rate)}${caution(r.resolved)}` },
      ] }),
    paged('deadEndTargets', { id: 'dead-end-targets', caption: 'Where chains dead-end (who the last, failed referral went to)',
      sortBy: 3, empty: none,
      columns: [
        { label: 'Referred to', value: (r) => r.node.name, render: (r) => nodeLink(r.node, link) },
        { label: 'Sector', value: (r) => sectorLabel(r.node.sector) },
        { label: 'Kind', value: (r) => kindLabel(r.node.kind) },
        { label: 'Dead ends', value: (r) => r.deadEnds, numeric: true, render: (r) => num(r.deadEnds) },
      ] }),

    heading(2, 'l', 'Hand-offs that lose people', { id: 'hand-offs' }),
    p('Referrals in the year from one sector to another. Lost: declined, unanswered or withdrawn, out of those answered (pending left out).'),
    sortableTable({ id: 'hand-off-table', caption: 'Referrals by hand-off', rows: gaps.handOffLoss.handOffs, sortBy: 8, empty: none, small: true,
      columns: [
        { label: 'Hand-off', value: (r) => handOff(r.from, r.to) },
        { label: 'Referrals', value: (r) => r.total, numeric: true, render: (r) => num(r.total) },
        { label: 'Accepted', value: (r) => r.accepted, numeric: true, render: (r) => num(r.accepted) },
        { label: 'Declined', value: (r) => r.declined, numeric: true, render: (r) => num(r.declined) },
        { label: 'No answer', value: (r) => r.noResponse, numeric: true, render: (r) => num(r.noResponse) },
        { label: 'Withdrawn', value: (r) => r.withdrawn, numeric: true, render: (r) => num(r.withdrawn) },
        { label: 'Pending', value: (r) => r.pending, numeric: true, render: (r) => num(r.pending) },
        { label: 'Lost', value: (r) => r.lost, numeric: true, render: (r) => num(r.lost) },
        { label: 'Loss', value: (r) => r.loss, numeric: true, render: (r) => `${pct(r.loss)}${caution(r.total - r.pending, 'referrals')}` },
      ] }),

    heading(2, 'l', 'Courts and custody suites with a need out of reach', { id: 'unreachable' }),
    p('For each police custody suite and court: the needs for which no accepting local service is within three steps of it — by referral, partnership or who runs what.'),
    sortableTable({ id: 'unreachable-table', caption: 'Entry settings and the needs they cannot reach',
      rows: gaps.unreachableEntries.settings.filter((s) => s.unreachableCount > 0), sortBy: 3, limit: 25,
      empty: 'From every police custody suite and court, every need can reach an accepting service.',
      columns: [
        { label: 'Setting', value: (r) => r.setting.name, render: (r) => nodeLink(r.setting, link) },
        { label: 'Kind', value: (r) => capital(kindLabel(r.setting.kind)) },
        { label: 'Borough', value: (r) => r.boroughName },
        { label: 'Needs out of reach', value: (r) => r.unreachableCount, numeric: true, render: (r) => `${num(r.unreachableCount)} of ${num(r.needs)}` },
        { label: 'Which', value: (r) => r.unreachableNeeds.map(needLabel).join(', '), sortable: false },
      ] }));
});
