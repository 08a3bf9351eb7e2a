// Coverage map: London as a tile grid, each borough coloured by its cover for one setting kind, and a play control
// that replays the map a year at a time (the Liaison and Diversion rollout in the demo).

import { boroughs, getJson, vocabulary } from './api.js';
import { h, heading, joined, p, replace } from './dom.js';
import { SETTING_KINDS, capital, count, gbp, kindLabel, longDate, num } from './format.js';
import { nodeLink, setState, showDefaultDate, startPage, state as pageState, status } from './page.js';
import { sortableTable } from './table.js';
import { STATUS, cellsOfKind, coverLegend, coverMap, mapHint, noun } from './tilemap.js';

/**
 * A place (borough × setting kind) as people know it, by its real settings and the borough they serve —
 * "Wood Green Crown Court (Haringey)" — as the command line writes it (report/Names.place).
 */
function placeNamer(cells) {
  const settings = new Map(cells.map((c) => [`${c.boroughId}/${c.kind}`, c.settings.map((s) => s.name).sort()]));
  return (k) => {
    const names = settings.get(`${k.boroughId}/${k.kind}`) || [];
    return names.length ? `${names.join(' and ')} (${k.boroughName})` : `${k.boroughName}: ${kindLabel(k.kind)}`;
  };
}

/** The names of the boroughs with no cover, fragile cover and cover (boroughs without the setting left out). */
function namesByStatus(list, cells) {
  const byStatus = { hole: [], fragile: [], covered: [] };
  for (const b of list) {
    const cell = cells.get(b.id);
    if (cell) byStatus[cell.status].push(b.name);
  }
  return byStatus;
}

function summary(list, cells, kind, asOf) {
  const byStatus = namesByStatus(list, cells);
  const withKind = byStatus.hole.length + byStatus.fragile.length + byStatus.covered.length;
  const without = list.length - withKind;
  return [
    heading(2, 'l', `${capital(kindLabel(kind))} cover on ${longDate(asOf)}`, { id: 'map-heading' }),
    p(`Of the ${count(withKind, 'borough', 'boroughs')} with a ${noun(kind)}, ${num(byStatus.hole.length)} had no cover, `
      + `${num(byStatus.fragile.length)} had fragile cover and ${num(byStatus.covered.length)} ${byStatus.covered.length === 1 ? 'was' : 'were'} covered. `
      + `${count(without, 'borough has', 'boroughs have')} no ${noun(kind)}.`),
  ];
}

function statusLists(list, cells) {
  const byStatus = namesByStatus(list, cells);
  return [
    heading(2, 'm', 'Boroughs by cover', { id: 'in-words' }),
    h('dl', { class: 'govuk-summary-list govuk-summary-list--no-border', id: 'status-lists' },
      ['hole', 'fragile', 'covered'].map((s) => h('div', { class: 'govuk-summary-list__row' },
        h('dt', { class: 'govuk-summary-list__key' }, STATUS[s].label),
        h('dd', { class: 'govuk-summary-list__value', id: `boroughs-${s}` },
          byStatus[s].length ? byStatus[s].join(', ') : 'None')))),
  ];
}

function coverTable(list, cells, kind, state) {
  const rows = list.map((b) => ({ borough: b, cell: cells.get(b.id) || null }));
  const statusOf = (r) => (r.cell ? r.cell.status : 'none');
  return sortableTable({
    id: 'cover-table',
    caption: `${capital(kindLabel(kind))} cover by borough on ${longDate(state.asOf || '')}`.replace(/ on $/, ''),
    rows,
    sortBy: 1,
    descending: false,
    columns: [
      { label: 'Borough', value: (r) => r.borough.name },
      { label: 'Status', value: (r) => STATUS[statusOf(r)].order, render: (r) => STATUS[statusOf(r)].label },
      { label: 'Practitioners', value: (r) => (r.cell ? r.cell.practitioners.length : null),
        render: (r) => (r.cell && r.cell.practitioners.length ? joined(r.cell.practitioners.map((x) => nodeLink(x, state, x.id))) : (r.cell ? 'None' : '–')) },
      { label: 'FTE', value: (r) => (r.cell ? r.cell.fte : null), numeric: true, render: (r) => (r.cell ? num(r.cell.fte, 1) : '–') },
      { label: 'Funders', value: (r) => (r.cell ? r.cell.funders.length : null),
        render: (r) => (r.cell && r.cell.funders.length ? r.cell.funders.map((f) => f.name).join(', ') : (r.cell ? 'None' : '–')) },
      { label: 'Reasons', value: (r) => (r.cell ? r.cell.reasons.join(', ') : 'no such setting'), sortable: false },
    ],
  });
}

function lists(coverage, state) {
  const cellName = placeNamer(coverage.cells);
  const entry = coverage.settingsWithoutCover;
  const losses = coverage.funderLosses;
  const ending = coverage.fundingEnding;
  const people = coverage.practitionerLosses;
  return [
    heading(2, 'l', 'Courts and custody suites with no practitioner', { id: 'uncovered' }),
    p(`${count(entry.length, 'police custody suite or court', 'police custody suites and courts')} had nobody placed on ${longDate(coverage.asOf)}: people passing through meet no mental-health practitioner there.`),
    sortableTable({
      id: 'uncovered-table', caption: 'Entry settings with no practitioner placed', rows: entry, limit: 15,
      empty: 'Every police custody suite and court had someone placed.',
      columns: [
        { label: 'Setting', value: (r) => r.setting.name, render: (r) => nodeLink(r.setting, state) },
        { label: 'Kind', value: (r) => kindLabel(r.setting.kind), render: (r) => capital(kindLabel(r.setting.kind)) },
        { label: 'Borough', value: (r) => r.boroughName },
      ],
    }),
    heading(2, 'l', 'If one funder withdrew', { id: 'funder-losses' }),
    p(losses.length
      ? `${count(losses.length, 'funder is', 'funders are')} the only funder of practitioners whose loss would leave places with no cover at all.`
      : 'No single funder’s withdrawal would leave a place with no cover.'),
    sortableTable({
      id: 'funder-table', caption: 'Cover lost if one funder withdrew', rows: losses, sortBy: 2,
      empty: 'Nothing would be lost.',
      columns: [
        { label: 'Funder', value: (r) => r.funder.name },
        { label: 'Practitioners who would go', value: (r) => r.practitionersLost.length, numeric: true },
        { label: 'Places left with no cover', value: (r) => r.cellsLost.length, numeric: true },
        { label: 'Which places', value: (r) => r.cellsLost.map(cellName).join('; '), sortable: false },
      ],
    }),
    heading(2, 'l', 'If one practitioner left', { id: 'practitioner-losses' }),
    p(`${count(people.length, 'practitioner is', 'practitioners are')} the only one placed somewhere.`),
    sortableTable({
      id: 'practitioner-table', caption: 'Cover lost if one practitioner left', rows: people, sortBy: 1, limit: 15,
      empty: 'No place depends on one practitioner.',
      columns: [
        { label: 'Practitioner', value: (r) => r.practitioner.name, render: (r) => nodeLink(r.practitioner, state) },
        { label: 'Places left with no cover', value: (r) => r.cellsLost.length, numeric: true },
        { label: 'Which places', value: (r) => r.cellsLost.map(cellName).join('; '), sortable: false },
      ],
    }),
    heading(2, 'l', 'Funding ending in the next 12 months', { id: 'funding-ending' }),
    sortableTable({
      id: 'ending-table', caption: `Funding that ends within a year of ${longDate(coverage.asOf)}`, rows: ending, limit: 15,
      sortBy: 3, descending: false,
      empty: `No funding active on ${longDate(coverage.asOf)} ends within a year.`,
      columns: [
        { label: 'Funder', value: (r) => r.funder.name },
        { label: 'Post', value: (r) => r.post.description },
        { label: 'Practitioner', value: (r) => r.practitioner.name, render: (r) => nodeLink(r.practitioner, state) },
        { label: 'Ends', value: (r) => r.end, render: (r) => longDate(r.end) },
        { label: 'Amount', value: (r) => r.amountGbp, numeric: true, render: (r) => gbp(r.amountGbp) },
        { label: 'Places it covers', value: (r) => r.cells.map(cellName).join('; '), sortable: false },
      ],
    }),
  ];
}

/** Seconds each year stays on the map while the replay plays. */
const STEP_MS = 1500;
/** The replay: the days it steps through (one a year, GET /api/timeline), whether it plays, and its next step. */
const player = { days: null, playing: false, timer: null };

/** Days to replay: each year's day from the latest referral's year to the data's end (every year when that is the last). */
async function replayDays() {
  if (!player.days) {
    const [timeline, words] = await Promise.all([getJson('/api/timeline'), vocabulary()]);
    const years = timeline.years.filter((y) => !y.afterData).map((y) => y.date);
    const latest = words.latest;
    const from = years.findIndex((d) => latest && d >= latest);
    player.days = from >= 0 && from < years.length - 1 ? years.slice(from) : years;
  }
  return player.days;
}

function stopReplay() {
  player.playing = false;
  clearTimeout(player.timer);
}

/** Shows the next year, or stops at the last. */
function stepReplay(asOf) {
  const days = player.days;
  const next = days.find((d) => d > asOf);
  if (!player.playing || !next) {
    stopReplay();
    const button = document.getElementById('replay-play');
    if (button) button.textContent = 'Play the years';
    return;
  }
  setState({ ...pageState(), asOf: next }, { push: false });
}

/** The play control: one press steps the map through the years; the sentence says which year is shown. */
function replayControls(days, asOf) {
  const first = days[0];
  const last = days[days.length - 1];
  const button = h('button', { type: 'button', id: 'replay-play', class: 'govuk-button govuk-button--secondary', 'data-module': 'govuk-button',
    'aria-describedby': 'replay-hint',
    onClick: () => {
      if (player.playing) {
        stopReplay();
        button.textContent = 'Play the years';
        return;
      }
      player.playing = true;
      button.textContent = 'Pause';
      const start = asOf >= last || asOf < first ? first : asOf;
      if (start !== asOf) setState({ ...pageState(), asOf: start }, { push: false });
      else player.timer = setTimeout(() => stepReplay(asOf), STEP_MS);
    } }, player.playing ? 'Pause' : 'Play the years');
  const shown = days.indexOf(asOf);
  return h('div', { class: 'govuk-form-group', id: 'replay' },
    heading(2, 'm', 'Replay the years', { id: 'replay-heading' }),
    h('div', { class: 'govuk-hint', id: 'replay-hint' },
      `Steps the map, the lists and the tables a year at a time: ${longDate(first)} to ${longDate(last)}, the years of the Liaison and Diversion rollout in the London demo. Press again to pause.`),
    button,
    h('p', { class: 'govuk-body', id: 'replay-year', 'aria-live': 'polite', dataset: { asOf } },
      shown >= 0 ? `Showing ${longDate(asOf)}, year ${shown + 1} of ${days.length}.` : `Showing ${longDate(asOf)}.`));
}

startPage(async (state, isCurrent) => {
  const kind = SETTING_KINDS[state.kind] ? state.kind : 'police_custody';
  const content = document.getElementById('content');
  status(`Loading ${kindLabel(kind)} cover${state.asOf ? ` on ${longDate(state.asOf)}` : ''}…`);
  const [list, coverage, days] = await Promise.all([boroughs(), getJson('/api/analysis/coverage', { asOf: state.asOf }), replayDays()]);
  if (!isCurrent()) return;
  showDefaultDate(coverage.asOf);
  document.getElementById('kind').value = kind;
  const cells = cellsOfKind(coverage.cells, kind);
  const panel = h('div', { class: 'bm-detail', id: 'tile-detail' },
    heading(2, 'm', 'Borough details'),
    p('Choose a borough on the map to see who is placed there, who pays for them and why cover is fragile.'));
  status('');
  const hadFocus = document.activeElement && document.activeElement.id === 'replay-play';
  replace(content,
    summary(list, cells, kind, coverage.asOf),
    days.length > 1 ? replayControls(days, coverage.asOf) : null,
    coverLegend(),
    mapHint('map-hint'),
    h('div', { class: 'bm-map-layout' },
      h('div', {}, coverMap(list, cells, kind, { ...state, asOf: state.asOf }, panel, `Map of London boroughs: ${kindLabel(kind)} cover`)), panel),
    statusLists(list, cells),
    heading(2, 'l', 'The same data as a table', { id: 'table-heading' }),
    coverTable(list, cells, kind, { ...state, asOf: coverage.asOf }),
    lists(coverage, state));
  if (hadFocus) document.getElementById('replay-play').focus();
  if (player.playing) {
    clearTimeout(player.timer);
    player.timer = setTimeout(() => stepReplay(coverage.asOf), STEP_MS);
  }
});
