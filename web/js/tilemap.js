// London as a tile grid (the London Squared layout from GET /api/boroughs): one button per borough,
// coloured by a status with a mark beside the colour, reached once by Tab and moved over with the arrow keys.
// Shared by the coverage map, the timeline's replay and the planner's before/after and pick maps.

import { bullets, h, heading, p, replace } from './dom.js';
import { capital, kindLabel, num } from './format.js';
import { href, nodeLink } from './page.js';

/** Short names that fit a tile, by GSS code. */
export const SHORT = {
  E09000001: 'City', E09000002: 'B&D', E09000003: 'Barn', E09000004: 'Bexl', E09000005: 'Bren', E09000006: 'Brom',
  E09000007: 'Camd', E09000008: 'Croy', E09000009: 'Eali', E09000010: 'Enf', E09000011: 'Gwch', E09000012: 'Hack',
  E09000013: 'H&F', E09000014: 'Hgy', E09000015: 'Harr', E09000016: 'Hav', E09000017: 'Hill', E09000018: 'Houn',
  E09000019: 'Isl', E09000020: 'K&C', E09000021: 'King', E09000022: 'Lamb', E09000023: 'Lew', E09000024: 'Mert',
  E09000025: 'Newh', E09000026: 'Redb', E09000027: 'Rich', E09000028: 'Sthw', E09000029: 'Sutt', E09000030: 'TH',
  E09000031: 'WF', E09000032: 'Wand', E09000033: 'West',
};

/** Cover status → label, mark (the non-colour cue), GOV.UK tag colour, sort order. */
export const STATUS = {
  hole: { label: 'No cover', mark: '✕', tag: 'govuk-tag--red', order: 0 },
  fragile: { label: 'Fragile', mark: '!', tag: 'govuk-tag--orange', order: 1 },
  covered: { label: 'Covered', mark: '✓', tag: 'govuk-tag--green', order: 2 },
  none: { label: 'No such setting', mark: '–', tag: 'govuk-tag--grey', order: 3 },
};

/** A GOV.UK tag for a cover status. */
export const statusTag = (status) => h('strong', { class: `govuk-tag ${STATUS[status].tag}` }, STATUS[status].label);

/** The key to the cover colours. */
export function coverLegend() {
  return h('ul', { class: 'bm-legend', 'aria-label': 'Key to the map' },
    ['covered', 'fragile', 'hole', 'none'].map((s) => h('li', {},
      h('span', { class: `bm-tile bm-swatch bm-tile--${s}`, 'aria-hidden': 'true' }, STATUS[s].mark),
      h('span', {}, s === 'covered' ? 'Covered: two or more practitioners and funders'
        : s === 'fragile' ? 'Fragile: one practitioner, one funder or unfunded'
          : s === 'hole' ? 'No cover: nobody placed' : 'No such setting in the borough'))));
}

/** Cells of one setting kind by borough id. */
export function cellsOfKind(cells, kind) {
  return new Map((cells || []).filter((c) => c.kind === kind).map((c) => [c.boroughId, c]));
}

/**
 * The tile map. options:
 *  id, label (the map's accessible name), describedBy (id of the keyboard hint),
 *  tile(borough) → {status (a class suffix: bm-tile--STATUS), mark, words (what the tile says to a screen reader),
 *    extra (more classes, optional)},
 *  onSelect(borough) when a tile is focused or clicked (optional), small (a compact map, for side-by-side use).
 * Returns [grid, a paragraph naming boroughs without a tile (or null)].
 */
export function tileMap(list, { id, label, describedBy, tile, onSelect, small = false }) {
  const tiles = list.filter((b) => b.tile);
  const grid = h('div', { class: `bm-map${small ? ' bm-map--small' : ''}`, id, role: 'group', 'aria-label': label,
    'aria-describedby': describedBy || null });
  const buttons = [];
  let selected = null;
  const show = (button) => {
    if (selected) selected.removeAttribute('aria-current');
    selected = button;
    button.setAttribute('aria-current', 'true');
    buttons.forEach((b) => b.setAttribute('tabindex', b === button ? '0' : '-1'));
    if (onSelect) onSelect(button.borough);
  };
  for (const b of tiles) {
    const t = tile(b);
    const words = `${b.name}: ${t.words}`;
    const button = h('button', { type: 'button', class: `bm-tile bm-tile--${t.status}${t.extra ? ` ${t.extra}` : ''}`, tabindex: '-1',
      'aria-label': words, title: words, dataset: { borough: b.id, status: t.status } },
    h('span', { class: 'bm-tile__name', 'aria-hidden': 'true' }, SHORT[b.id] || b.name.slice(0, 4)),
    h('span', { class: 'bm-tile__mark', 'aria-hidden': 'true' }, t.mark));
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

/** The keyboard hint a tile map points to (its describedBy): `map` says which, "the map" or "a map". */
export const mapHint = (id, map = 'the map') => h('p', { id, class: 'govuk-hint' },
  `Press Tab to reach ${map}, then the arrow keys to move between boroughs.`);

/**
 * The map of one setting kind's cover (cells by borough id, as cellsOfKind gives them), described by #map-hint;
 * choosing a borough shows its cellDetail in `panel`.
 */
export function coverMap(list, cells, kind, state, panel, label) {
  return tileMap(list, {
    id: 'map',
    label,
    describedBy: 'map-hint',
    tile: (b) => coverTile(cells.get(b.id)),
    onSelect: (b) => replace(panel, cellDetail(b, cells.get(b.id), kind, state)),
  });
}

/** A tile coloured by a coverage cell's status (or "no such setting" without a cell). */
export function coverTile(cell) {
  const status = cell ? cell.status : 'none';
  return { status, mark: STATUS[status].mark, words: STATUS[status].label.toLowerCase() };
}

const REASONS = {
  'no cover': 'nobody is placed here',
  'single practitioner': 'one practitioner holds all the cover',
  'single funder': 'one funder pays for all of it',
  unfunded: 'a practitioner here has no active funding',
};

/** The setting as a countable noun: "a police custody suite". */
const NOUN = { police_custody: 'police custody suite' };
export const noun = (kind) => NOUN[kind] || kindLabel(kind);

const reasonText = (reasons) => (reasons || []).map((r) => REASONS[r] ? `${r} (${REASONS[r]})` : r).join('; ');

/** What a borough's cell holds: its status and why, settings, practitioners, funders, links to gaps and bottlenecks. */
export function cellDetail(borough, cell, kind, state, { headingId = 'tile-detail-heading' } = {}) {
  const status = cell ? cell.status : 'none';
  const parts = [
    h('h2', { class: 'govuk-heading-m', tabindex: '-1', id: headingId }, `${borough.name}: ${kindLabel(kind)}`),
    p(statusTag(status)),
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
