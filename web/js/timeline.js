// Timeline: cover and funding one snapshot a year (GET /api/timeline) as uPlot charts with the same data as a
// table, and a year slider that replays the coverage map for that year's date.

import uPlot from '/lib/uplot/dist/uPlot.esm.js';
import { boroughs, getJson } from './api.js';
import { h, heading, p, replace } from './dom.js';
import { SETTING_KINDS, capital, count, gbp, kindLabel, longDate, num, pct, todayIso, yearOf } from './format.js';
import { handleProblem, href, setState, startPage, status } from './page.js';
import { sortableTable } from './table.js';
import { STATUS, cellsOfKind, coverLegend, coverMap, mapHint, noun } from './tilemap.js';

const FONT = '14px Arial, "Liberation Sans", sans-serif';
const AXIS = { font: FONT, stroke: '#0b0c0c', grid: { stroke: '#e5e6e7', width: 1 }, ticks: { stroke: '#b1b4b6', width: 1 } };
/** Line colours with a dash pattern each, so that the lines differ without colour too. */
const LINES = [
  { stroke: '#1d70b8', dash: [] },
  { stroke: '#00703c', dash: [10, 5] },
  { stroke: '#d4351c', dash: [3, 4] },
  { stroke: '#912b88', dash: [14, 4, 3, 4] },
];

let charts = [];
/** The timeline's own choices, kept in the URL: years=calendar|financial, until=YYYY-MM-DD (beyond the data's end). */
const choice = () => {
  const params = new URLSearchParams(window.location.search);
  return { years: params.get('years') || '', until: params.get('until') || '' };
};
const financial = (timeline) => timeline.yearsBy === 'financial';
let replay = null; // {years, list, latestData, index, kind, timer, sequence}

const funderCount = (y) => y.fundingShares.length;
const largest = (y) => y.fundingShares[0] || null;
const afterData = (y, latestData) => Boolean(latestData) && y.date > latestData;

/** "£402,570", "£402,570 + 2 posts not recorded", or "Not recorded" when no post's funding is recorded. */
function funding(y) {
  if (!y.postsFundingNotRecorded) return gbp(y.fundingGbp);
  const missing = `${count(y.postsFundingNotRecorded, 'post', 'posts')} not recorded`;
  return funderCount(y) ? `${gbp(y.fundingGbp)} + ${missing}` : 'Not recorded';
}

/** "On 30 June 2004: 8 boroughs with some cover, 12 posts (12.0 FTE), 10 funders paying £402,570 a year." */
function sentence(y, latestData) {
  const missing = y.postsFundingNotRecorded ? ` (funding of ${count(y.postsFundingNotRecorded, 'post', 'posts')} not recorded)` : '';
  const funding = funderCount(y)
    ? `${count(funderCount(y), 'funder', 'funders')} paying ${gbp(y.fundingGbp)}${missing}`
    : 'funding not recorded';
  return `On ${longDate(y.date)}: ${count(y.boroughsWithCover, 'borough', 'boroughs')} with some cover, `
    + `${count(y.posts, 'post', 'posts')} (${num(y.fte, 1)} FTE), ${funding}; `
    + `${num(y.holes)} of ${num(y.cells)} places had no cover.`
    + (afterData(y, latestData) ? ` This is after the data ends (${longDate(latestData)}): it shows only what was left open-ended.` : '');
}

/** Shades the years after the data ends and marks the year chosen on the slider. */
function marks(latestData) {
  const stop = latestData ? yearOf(latestData) + (Number(latestData.slice(5, 7)) - 1) / 12 : null;
  return {
    hooks: {
      drawClear: [(u) => {
        if (stop === null || stop > u.scales.x.max) return;
        const { ctx } = u;
        const x0 = Math.max(u.valToPos(stop, 'x', true), u.bbox.left);
        ctx.save();
        ctx.fillStyle = '#f3f2f1';
        ctx.fillRect(x0, u.bbox.top, u.bbox.left + u.bbox.width - x0, u.bbox.height);
        ctx.restore();
      }],
      draw: [(u) => {
        if (!replay) return;
        const year = yearOf(replay.years[replay.index].date);
        const x = Math.round(u.valToPos(year, 'x', true));
        const { ctx } = u;
        ctx.save();
        ctx.strokeStyle = '#0b0c0c';
        ctx.lineWidth = 2 * (window.devicePixelRatio || 1);
        ctx.setLineDash([]);
        ctx.beginPath();
        ctx.moveTo(x, u.bbox.top);
        ctx.lineTo(x, u.bbox.top + u.bbox.height);
        ctx.stroke();
        ctx.restore();
      }],
    },
  };
}

/** An axis year as its heading: 2014 → "2013/14" for financial years. */
const yearHeading = (v, byFinancialYear) => (byFinancialYear ? `${v - 1}/${String(v % 100).padStart(2, '0')}` : String(v));

function chartOptions({ width, series, axes, latestData, yRange, byFinancialYear }) {
  return {
    width,
    height: 300,
    plugins: [marks(latestData)],
    cursor: { drag: { x: false, y: false }, points: { size: 8 } },
    legend: { live: true },
    scales: { x: { time: false }, y: yRange ? { range: yRange } : { auto: true }, ...(axes.scales || {}) },
    axes: [
      { ...AXIS, values: (u, splits) => splits.map((v) => (Number.isInteger(v) ? yearHeading(v, byFinancialYear) : '')), space: 50 },
      ...axes.list,
    ],
    series: [{ label: byFinancialYear ? 'Financial year' : 'Year',
      value: (u, v) => (v === null || v === undefined ? '–' : yearHeading(v, byFinancialYear)) }, ...series],
  };
}

function line(label, i, format, scale = 'y') {
  return { label, scale, stroke: LINES[i].stroke, dash: LINES[i].dash, width: 2.5, points: { show: true, size: 5 },
    value: (u, v) => (v === null || v === undefined ? '–' : format(v)) };
}

/** Cover: boroughs with some cover, posts and FTE. */
function coverChart(el, years, latestData, byFinancialYear) {
  const x = years.map((y) => yearOf(y.date));
  const data = [x, years.map((y) => y.boroughsWithCover), years.map((y) => y.posts), years.map((y) => y.fte)];
  const options = chartOptions({
    width: el.clientWidth || 600,
    latestData,
    byFinancialYear,
    series: [line('Boroughs with some cover', 0, num), line('Posts', 1, num), line('FTE', 2, (v) => num(v, 1))],
    axes: { list: [{ ...AXIS, label: 'Count', labelFont: FONT, size: 50 }] },
    yRange: (u, min, max) => [0, Math.max(10, Math.ceil(max / 10) * 10)],
  });
  return new uPlot(options, data, el);
}

/** Funding: the largest funders' shares (%), and the concentration (HHI) on the right. */
function fundingChart(el, years, latestData, top, byFinancialYear) {
  const x = years.map((y) => yearOf(y.date));
  const shareOf = (y, id) => {
    if (!funderCount(y)) return null;
    // A series continues through successions: a predecessor's share, then its successor's (several after a merger).
    const parts = y.fundingShares.filter((f) => (f.seriesId || f.funderId) === id);
    return parts.length ? Math.round(parts.reduce((sum, f) => sum + f.share, 0) * 1000) / 10 : null;
  };
  const data = [x, ...top.map((f) => years.map((y) => shareOf(y, f.seriesId))),
    years.map((y) => (funderCount(y) ? Math.round(y.hhi) : null))];
  const options = chartOptions({
    width: el.clientWidth || 600,
    latestData,
    byFinancialYear,
    series: [...top.map((f, i) => line(`${f.funderName} (share)`, i, (v) => `${num(v, 1)}%`)),
      { ...line('Concentration (HHI)', 3, num, 'hhi'), stroke: '#0b0c0c', dash: [1, 3], width: 2 }],
    axes: {
      scales: { hhi: { range: [0, 10000] } },
      list: [{ ...AXIS, label: 'Share of funding (%)', labelFont: FONT, size: 50 },
        { ...AXIS, scale: 'hhi', side: 1, label: 'HHI (10,000 = one funder)', labelFont: FONT, size: 60, grid: { show: false } }],
    },
    yRange: [0, 100],
  });
  return new uPlot(options, data, el);
}

/**
 * The funders' series with the largest share in any year, at most three. A series joins a funder's years across
 * successions (seriesId) and is named as it is in its latest year ("National Probation Service (from 1 Jun 2014;
 * before: London Probation Trust)").
 */
function topFunders(years) {
  const best = new Map();
  for (const y of years) {
    const shares = new Map();
    for (const f of y.fundingShares) {
      const id = f.seriesId || f.funderId;
      const s = shares.get(id) || { seriesId: id, funderName: f.funderName, share: 0 };
      s.share += f.share;
      shares.set(id, s);
    }
    for (const s of shares.values()) {
      const seen = best.get(s.seriesId);
      best.set(s.seriesId, { seriesId: s.seriesId, funderName: s.funderName, share: Math.max(s.share, seen ? seen.share : 0) });
    }
  }
  return [...best.values()].sort((a, b) => b.share - a.share).slice(0, 3);
}

/** The first column: "30 June 2014" for calendar years, "2013/14 (31 March 2014)" for financial years. */
const when = (y, byFinancialYear) => (byFinancialYear ? `${y.label} (${longDate(y.date)})` : longDate(y.date));

function table(years, latestData, byFinancialYear, day) {
  return sortableTable({
    id: 'timeline-table',
    caption: byFinancialYear ? 'Cover and funding at the end of each financial year (April–March)' : `Cover and funding on ${day} each year`,
    rows: years,
    sortBy: 0,
    descending: false,
    small: true,
    columns: [
      { label: byFinancialYear ? 'Financial year' : 'Date', value: (y) => y.date,
        render: (y) => [when(y, byFinancialYear), afterData(y, latestData) ? h('span', { class: 'bm-after-data' }, ' (after the data ends)') : null] },
      { label: 'Boroughs with some cover', value: (y) => y.boroughsWithCover, numeric: true, render: (y) => num(y.boroughsWithCover) },
      { label: 'Posts', value: (y) => y.posts, numeric: true, render: (y) => num(y.posts) },
      { label: 'FTE', value: (y) => y.fte, numeric: true, render: (y) => num(y.fte, 1) },
      { label: 'Funders', value: (y) => funderCount(y), numeric: true, render: (y) => num(funderCount(y)) },
      { label: 'Funding active', value: (y) => y.fundingGbp, numeric: true, render: funding },
      { label: 'Largest funder', value: (y) => largest(y)?.funderName ?? null,
        render: (y) => (largest(y) ? `${largest(y).funderName} (${pct(largest(y).share, 0)})` : 'None recorded') },
      { label: 'HHI', value: (y) => (funderCount(y) ? y.hhi : null), numeric: true, render: (y) => (funderCount(y) ? num(y.hhi, 0) : '–') },
      { label: 'Places with no cover', value: (y) => y.holes, numeric: true, render: (y) => `${num(y.holes)} of ${num(y.cells)}` },
      { label: 'Fragile', value: (y) => y.fragile, numeric: true, render: (y) => num(y.fragile) },
    ],
  });
}

/** The chart with its caption, a text summary for screen readers, and where it draws. */
function figure(id, caption, summary) {
  const plot = h('div', { class: 'bm-chart__plot', id: `${id}-plot`, 'aria-hidden': 'true' });
  const el = h('figure', { class: 'bm-chart', id, 'aria-labelledby': `${id}-caption`, 'aria-describedby': `${id}-summary` },
    h('figcaption', { class: 'govuk-heading-s', id: `${id}-caption` }, caption),
    h('p', { class: 'govuk-body-s', id: `${id}-summary` }, summary),
    plot);
  return { el, plot };
}

/** The year index nearest to (and not after) a date; the latest referral's year when none is given. */
function indexFor(years, asOf, fallback) {
  const wanted = asOf || fallback;
  if (!wanted) return years.length - 1;
  let best = 0;
  years.forEach((y, i) => { if (y.date <= wanted) best = i; });
  return best;
}

async function showYear({ push = false } = {}) {
  const r = replay;
  const y = r.years[r.index];
  const slider = document.getElementById('year');
  slider.value = String(r.index);
  slider.setAttribute('aria-valuetext', longDate(y.date));
  document.getElementById('year-label').textContent = y.label;
  document.getElementById('year-sentence').textContent = sentence(y, r.latestData);
  charts.forEach((c) => {
    c.redraw(false);
    c.setLegend({ idx: r.index });
  });
  setState({ asOf: y.date, kind: r.kind }, { push, render: false });
  clearTimeout(r.timer);
  const mine = ++r.sequence;
  r.timer = setTimeout(async () => {
    const holder = document.getElementById('replay-map');
    holder.setAttribute('aria-busy', 'true');
    try {
      const coverage = await getJson('/api/analysis/coverage', { asOf: y.date });
      if (mine !== r.sequence) return;
      drawMap(coverage);
    } catch (error) {
      if (mine === r.sequence) handleProblem(error, () => showYear());
    } finally {
      if (mine === r.sequence) holder.removeAttribute('aria-busy');
    }
  }, 120);
}

function drawMap(coverage) {
  const r = replay;
  const cells = cellsOfKind(coverage.cells, r.kind);
  const panel = h('div', { class: 'bm-detail', id: 'replay-detail' },
    heading(2, 'm', 'Borough details'),
    p('Choose a borough on the map to see who was placed there that year.'));
  const state = { asOf: coverage.asOf };
  const byStatus = { hole: 0, fragile: 0, covered: 0 };
  cells.forEach((c) => { byStatus[c.status] += 1; });
  replace(document.getElementById('replay-map'),
    h('p', { class: 'govuk-body', id: 'replay-summary', dataset: { asOf: coverage.asOf } },
      `${capital(kindLabel(r.kind))} on ${longDate(coverage.asOf)}: of ${count(cells.size, 'borough', 'boroughs')} with a ${noun(r.kind)}, `
      + `${num(byStatus.hole)} had no cover, ${num(byStatus.fragile)} fragile cover and ${num(byStatus.covered)} full cover. `,
      h('a', { class: 'govuk-link', href: href('/coverage.html', { asOf: coverage.asOf, kind: r.kind }) }, 'Open this year on the coverage map')),
    h('div', { class: 'bm-map-layout' },
      h('div', {}, coverMap(r.list, cells, r.kind, state, panel,
        `Map of London boroughs: ${kindLabel(r.kind)} cover on ${longDate(coverage.asOf)}`)),
      panel));
}

function replayControls(years, byFinancialYear, day) {
  const kinds = Object.entries(SETTING_KINDS);
  const slider = h('input', { class: 'bm-range', type: 'range', id: 'year', name: 'year', min: '0', max: String(years.length - 1),
    step: '1', value: String(replay.index), 'aria-describedby': 'year-hint' });
  slider.addEventListener('input', () => {
    replay.index = Number(slider.value);
    showYear();
  });
  slider.addEventListener('change', () => {
    replay.index = Number(slider.value);
    showYear({ push: true });
  });
  const select = h('select', { class: 'govuk-select', id: 'replay-kind', name: 'kind' },
    kinds.map(([code, label]) => h('option', { value: code }, capital(label))));
  select.value = replay.kind;
  select.addEventListener('change', () => {
    replay.kind = select.value;
    showYear();
  });
  return h('div', { class: 'bm-filters bm-replay-controls' },
    h('div', { class: 'govuk-form-group bm-range-group' },
      h('label', { class: 'govuk-label govuk-label--s', for: 'year' }, byFinancialYear ? 'Financial year: ' : 'Year: ', h('span', { id: 'year-label' }, years[replay.index].label)),
      h('div', { class: 'govuk-hint', id: 'year-hint' }, byFinancialYear
        ? `The end of each financial year (31 March), ${years[0].label} to ${years[years.length - 1].label}. Use the arrow keys to step a year.`
        : `${day} each year, ${years[0].label} to ${years[years.length - 1].label}. Use the arrow keys to step a year.`),
      slider,
      h('div', { class: 'bm-range-ends', 'aria-hidden': 'true' }, h('span', {}, years[0].label), h('span', {}, years[years.length - 1].label))),
    h('div', { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label govuk-label--s', for: 'replay-kind' }, 'Setting'),
      h('div', { class: 'govuk-hint' }, 'Where practitioners are placed'),
      select));
}

/** Where the data stops, and whether the years shown go beyond it. */
function dataStops(timeline) {
  const stops = `The data stops on ${longDate(timeline.latestData)}, the last dated post, placement or funding row. `;
  return timeline.years.some((y) => y.afterData)
    ? `${stops}You asked for years up to ${longDate(timeline.end)}: those after the data's end are beyond the data and show only `
      + 'what was left open-ended, so they are shaded grey on the charts and marked in the table.'
    : `${stops}The timeline ends there.`;
}

function resize() {
  charts.forEach((c) => {
    const width = c.root.parentElement.clientWidth;
    if (width && Math.abs(width - c.width) > 2) c.setSize({ width, height: 300 });
  });
}
window.addEventListener('resize', () => requestAnimationFrame(resize));

startPage(async (state, isCurrent) => {
  const content = document.getElementById('content');
  status('Loading the timeline…');
  const wanted = choice();
  const [timeline, list, words] = await Promise.all([getJson('/api/timeline', wanted), boroughs(), getJson('/api/vocabulary')]);
  if (!isCurrent()) return;
  charts.forEach((c) => c.destroy());
  charts = [];
  status('');
  const years = timeline.years;
  if (!years.length) {
    replace(content, p('The store holds no dated facts yet, so there is no timeline. Import a bundle first.'));
    return;
  }
  const latestData = timeline.latestData;
  const byFinancialYear = financial(timeline);
  const day = longDate(years[0].date).replace(/ \d+$/, '');
  const first = years[0];
  const lastWithData = [...years].reverse().find((y) => !afterData(y, latestData)) || years[years.length - 1];
  const top = topFunders(years);
  replay = { years, list, latestData, index: indexFor(years, state.asOf, words.latest), kind: SETTING_KINDS[state.kind] ? state.kind : 'police_custody',
    timer: null, sequence: 0 };
  const cover = figure('cover-chart', `Boroughs with some cover, posts and full-time equivalent (FTE), ${byFinancialYear ? 'at the end of each financial year' : `${day} each year`}`,
    `From ${count(first.boroughsWithCover, 'borough', 'boroughs')} and ${count(first.posts, 'post', 'posts')} on ${longDate(first.date)} `
    + `to ${count(lastWithData.boroughsWithCover, 'borough', 'boroughs')} and ${count(lastWithData.posts, 'post', 'posts')} (${num(lastWithData.fte, 1)} FTE) on ${longDate(lastWithData.date)}. `
    + 'The table below has every year.');
  const fundingFigure = figure('funding-chart', 'Who paid: the largest funders’ shares, and how concentrated funding was (HHI)',
    `${top.map((f) => `${f.funderName} paid up to ${pct(f.share, 0)} in a year`).join('; ')}. `
    + 'HHI adds up the squared percentage shares: 10,000 means one funder paid for everything. The table below has every year.');
  replace(content,
    heading(2, 'l', `Cover and funding${byFinancialYear ? ' by financial year' : ''}, ${first.label} to ${years[years.length - 1].label}`, { id: 'charts-heading' }),
    latestData ? h('div', { class: 'govuk-inset-text', id: 'data-stops' }, dataStops(timeline)) : null,
    h('p', { class: 'govuk-body', id: 'timeline-choices' },
      h('a', { class: 'govuk-link', href: href('/timeline.html', { ...wanted, years: byFinancialYear ? 'calendar' : 'financial' }) },
        byFinancialYear ? 'Count calendar years instead' : 'Count financial years (April–March) instead'),
      ' · ',
      timeline.years.some((y) => y.afterData)
        ? h('a', { class: 'govuk-link', href: href('/timeline.html', { ...wanted, until: '' }) }, 'End at the data’s end')
        : h('a', { class: 'govuk-link', href: href('/timeline.html', { ...wanted, until: todayIso() }) }, 'Go on to today, beyond the data')),
    p(h('a', { class: 'govuk-link', href: '#table-heading' }, 'Skip to the same data as a table')),
    h('div', { class: 'bm-charts' }, cover.el, fundingFigure.el),
    heading(2, 'l', 'The coverage map, year by year', { id: 'replay-heading' }),
    replayControls(years, byFinancialYear, day),
    h('p', { class: 'govuk-body-l bm-year-sentence', id: 'year-sentence', 'aria-live': 'polite' }),
    coverLegend(),
    mapHint('map-hint'),
    h('div', { id: 'replay-map' }),
    heading(2, 'l', 'The same data as a table', { id: 'table-heading' }),
    table(years, latestData, byFinancialYear, day),
    p('Funding counts every funding row active on the day, managers’ posts included. '
      + `A place is a borough and a setting kind (say, Lambeth’s probation office); "${STATUS.hole.label.toLowerCase()}" means nobody was placed there.`));
  await new Promise((resolve) => requestAnimationFrame(resolve));
  if (!isCurrent()) return;
  charts = [coverChart(cover.plot, years, latestData, byFinancialYear), fundingChart(fundingFigure.plot, years, latestData, top, byFinancialYear)];
  // Away from the chart, the legends show the year chosen on the slider.
  charts.forEach((c) => c.over.addEventListener('mouseleave', () => requestAnimationFrame(() => c.setLegend({ idx: replay.index }))));
  cover.el.dataset.ready = 'true';
  showYear();
});
