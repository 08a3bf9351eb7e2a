// Coverage map: London as a tile grid, each borough coloured by its cover for one setting kind.

import { boroughs, getJson } from './api.js';
import { bullets, h, heading, joined, p, replace } from './dom.js';
import { SETTING_KINDS, capital, count, gbp, kindLabel, longDate, num } from './format.js';
import { href, nodeLink, showDefaultDate, startPage, status } from './page.js';
import { sortableTable } from './table.js';

const SHORT = {
  E09000001: 'City', E09000002: 'B&D', E09000003: 'Barn', E09000004: 'Bexl', E09000005: 'Bren', E09000006: 'Brom',
  E09000007: 'Camd', E09000008: 'Croy', E09000009: 'Eali', E09000010: 'Enf', E09000011: 'Gwch', E09000012: 'Hack',
  E09000013: 'H&F', E09000014: 'Hgy', E09000015: 'Harr', E09000016: 'Hav', E09000017: 'Hill', E09000018: 'Houn',
  E09000019: 'Isl', E09000020: 'K&C', E09000021: 'King', E09000022: 'Lamb', E09000023: 'Lew', E09000024: 'Mert',
  E09000025: 'Newh', E09000026: 'Redb', E09000027: 'Rich', E09000028: 'Sthw', E09000029: 'Sutt', E09000030: 'TH',
  E09000031: 'WF', E09000032: 'Wand', E09000033: 'West',
};

/** Status → label, tile class, mark (the non-colour cue), GOV.UK tag colour. */
const STATUS = {
  hole: { label: 'No cover', mark: '✕', tag: 'govuk-tag--red', order: 0 },
  fragile: { label: 'Fragile', mark: '!', tag: 'govuk-tag--orange', order: 1 },
  covered: { label: 'Covered', mark: '✓', tag: 'govuk-tag--green', order: 2 },
  none: { label: 'No such setting', mark: '–', tag: 'govuk-tag--grey', order: 3 },
};

const REASONS = {
  'no cover': 'nobody is placed here',
  'single practitioner': 'one practitioner holds all the cover',
  'single funder': 'one funder pays for all of it',
  unfunded: 'a practitioner here has no active funding',
};

/** The setting as a countable noun: "a police custody suite". */
const NOUN = { police_custody: 'police custody suite' };
const noun = (kind) => NOUN[kind] || kindLabel(kind);

const tag = (status) => h('strong', { class: `govuk-tag ${STATUS[status].tag}` }, STATUS[status].label);
const reasonText = (reasons) => (reasons || []).map((r) => REASONS[r] ? `${r} (${REASONS[r]})` : r).join('; ');
const cellName = (c) => `${c.boroughName} ${kindLabel(c.kind)}`;

function legend() {
  return h('ul', { class: 'bm-legend', 'aria-label': 'Key to the map' },
    ['covered', 'fragile', 'hole', 'none'].map((s) => h('li', {},
      h('span', { class: `bm-tile bm-swatch bm-tile--${s}`, 'aria-hidden': 'true' }, STATUS[s].mark),
      h('span', {}, s === 'covered' ? 'Covered: two or more practitioners and funders'
        : s === 'fragile' ? 'Fragile: one practitioner, one funder or unfunded'
          : s === 'hole' ? 'No cover: nobody placed' : 'No such setting in the borough'))));
}

function detail(borough, cell, kind, state) {
  const status = cell ? cell.status : 'none';
  const parts = [
    h('h2', { class: 'govuk-heading-m', tabindex: '-1', id: 'tile-detail-heading' }, `${borough.name}: ${kindLabel(kind)}`),
    p(tag(status)),
  ];
  if (!cell) {
    parts.push(p(`${borough.name} has no ${noun(kind)} in the data.`));
  } else {
    if (cell.reasons.length) parts.push(p(capital(reasonText(cell.reasons)), '.'));
    parts.push(heading(3, 's', cell.settings.length === 1 ? 'Setting' : 'Settings'),
      bullets(cell.settings.map((s) => nodeLink(s, state))));
    parts.push(heading(3, 's', 'Practitioners placed'),
      cell.practitioners.length
        ? [bullets(cell.practitioners.map((x) => nodeLink(x, state))), p(`${num(cell.fte, 1)} full-time equivalent.`)]
        : p('Nobody.'));
    parts.push(heading(3, 's', 'Funded by'),
      cell.funders.length ? bullets(cell.funders.map((f) => f.name)) : p(cell.practitioners.length ? 'No active funding.' : 'Nobody.'));
  }
  parts.push(p(h('a', { class: 'govuk-link', href: href('/gaps.html', { asOf: state.asOf, borough: borough.id }) }, `Gaps in ${borough.name}`),
    ' · ', h('a', { class: 'govuk-link', href: href('/bottlenecks.html', { asOf: state.asOf, borough: borough.id }) }, `Bottlenecks in ${borough.name}`)));
  return parts;
}

function map(list, cells, kind, state, panel) {
  const tiles = list.filter((b) => b.tile);
  const grid = h('div', { class: 'bm-map', id: 'map', role: 'group', 'aria-label': `Map of London boroughs: ${kindLabel(kind)} cover`,
    'aria-describedby': 'map-hint' });
  const buttons = [];
  let selected = null;
  const show = (button) => {
    if (selected) selected.removeAttribute('aria-current');
    selected = button;
    button.setAttribute('aria-current', 'true');
    buttons.forEach((b) => b.setAttribute('tabindex', b === button ? '0' : '-1'));
    replace(panel, detail(button.borough, cells.get(button.borough.id), kind, state));
  };
  for (const b of tiles) {
    const cell = cells.get(b.id);
    const s = cell ? cell.status : 'none';
    const button = h('button', { type: 'button', class: `bm-tile bm-tile--${s}`, tabindex: '-1',
      'aria-label': `${b.name}: ${STATUS[s].label.toLowerCase()}`, title: `${b.name}: ${STATUS[s].label.toLowerCase()}`,
      dataset: { borough: b.id, status: s } },
    h('span', { class: 'bm-tile__name', 'aria-hidden': 'true' }, SHORT[b.id] || b.name.slice(0, 4)),
    h('span', { class: 'bm-tile__mark', 'aria-hidden': 'true' }, STATUS[s].mark));
    button.borough = b;
    button.style.gridColumn = String(b.tile.col + 1);
    button.style.gridRow = String(b.tile.row + 1);
    button.addEventListener('focus', () => show(button));
    button.addEventListener('click', () => show(button));
    buttons.push(button);
    grid.append(button);
  }
  // Tab reaches the map once; arrow keys move between boroughs as they lie on the map.
  const first = buttons.slice().sort((x, y) => x.borough.tile.row - y.borough.tile.row || x.borough.tile.col - y.borough.tile.col)[0];
  if (first) first.setAttribute('tabindex', '0');
  grid.addEventListener('keydown', (event) => {
    const dirs = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };
    const from = buttons.find((b) => b === document.activeElement);
    if (!from || !dirs[event.key]) return;
    const [dx, dy] = dirs[event.key];
    const { col, row } = from.borough.tile;
    let best = null;
    let bestScore = Infinity;
    for (const b of buttons) {
      const t = b.borough.tile;
      const along = dx ? (t.col - col) * dx : (t.row - row) * dy;
      const across = dx ? Math.abs(t.row - row) : Math.abs(t.col - col);
      if (along <= 0) continue;
      const score = along + across * 3;
      if (score < bestScore) { best = b; bestScore = score; }
    }
    event.preventDefault();
    if (best) best.focus();
  });
  const off = list.filter((b) => !b.tile);
  return [grid, off.length ? p(`Not on the map: ${off.map((b) => b.name).join(', ')}.`) : null];
}

function summary(list, cells, kind, asOf) {
  const byStatus = { hole: [], fragile: [], covered: [] };
  for (const b of list) {
    const cell = cells.get(b.id);
    if (cell) byStatus[cell.status].push(b.name);
  }
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
  const byStatus = { hole: [], fragile: [], covered: [] };
  for (const b of list) {
    const cell = cells.get(b.id);
    if (cell) byStatus[cell.status].push(b.name);
  }
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
      sortBy: 2, descending: false,
      empty: `No funding active on ${longDate(coverage.asOf)} ends within a year.`,
      columns: [
        { label: 'Funder', value: (r) => r.funder.name },
        { label: 'Practitioner', value: (r) => r.practitioner.name, render: (r) => nodeLink(r.practitioner, state) },
        { label: 'Ends', value: (r) => r.end, render: (r) => longDate(r.end) },
        { label: 'Amount', value: (r) => r.amountGbp, numeric: true, render: (r) => gbp(r.amountGbp) },
        { label: 'Places it covers', value: (r) => r.cells.map(cellName).join('; '), sortable: false },
      ],
    }),
  ];
}

startPage(async (state, isCurrent) => {
  const kind = SETTING_KINDS[state.kind] ? state.kind : 'police_custody';
  const content = document.getElementById('content');
  status(`Loading ${kindLabel(kind)} cover${state.asOf ? ` on ${longDate(state.asOf)}` : ''}…`);
  const [list, coverage] = await Promise.all([boroughs(), getJson('/api/analysis/coverage', { asOf: state.asOf })]);
  if (!isCurrent()) return;
  showDefaultDate(coverage.asOf);
  document.getElementById('kind').value = kind;
  const cells = new Map(coverage.cells.filter((c) => c.kind === kind).map((c) => [c.boroughId, c]));
  const panel = h('div', { class: 'bm-detail', id: 'tile-detail' },
    heading(2, 'm', 'Borough details'),
    p('Choose a borough on the map to see who is placed there, who pays for them and why cover is fragile.'));
  status('');
  replace(content,
    summary(list, cells, kind, coverage.asOf),
    legend(),
    h('p', { id: 'map-hint', class: 'govuk-hint' }, 'Press Tab to reach the map, then the arrow keys to move between boroughs.'),
    h('div', { class: 'bm-map-layout' }, h('div', {}, map(list, cells, kind, { ...state, asOf: state.asOf }, panel)), panel),
    statusLists(list, cells),
    heading(2, 'l', 'The same data as a table', { id: 'table-heading' }),
    coverTable(list, cells, kind, { ...state, asOf: coverage.asOf }),
    lists(coverage, state));
});
