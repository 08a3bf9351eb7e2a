// Network: the referral graph in Cytoscape.js, a list of its nodes for keyboard and screen-reader users,
// and a details panel for one node (?node=ID opens it directly).

import cytoscape from '/lib/cytoscape/dist/cytoscape.esm.min.mjs';
import { boroughs, download, getJson } from './api.js';
import { bullets, h, heading, joined, p, replace } from './dom.js';
import { SECTORS, approx, capital, gbp, kindLabel, kindLong, longDate, measure, needLabel, num, rateNum, sectorLabel } from './format.js';
import { clearError, fillBoroughSelect, handleProblem, href, setState, showDefaultDate, startPage, status } from './page.js';
import { sortableTable } from './table.js';

const COLOURS = {
  criminal_justice: '#1d70b8', health: '#00703c', social_care: '#912b88', voluntary: '#f47738',
  housing: '#b58840', substance_misuse: '#d4351c', other: '#505a5f',
};
const SHAPES = { setting: 'round-rectangle', agency: 'hexagon', practitioner: 'ellipse', service: 'diamond' };
const SHAPE_WORDS = [['■', 'setting (custody, court, probation, prison)'], ['⬢', 'agency'], ['●', 'practitioner'], ['◆', 'service']];

let graph = null; // {key, cy, network, asOf}
let boroughNames = new Map();

const shortLabel = (label) => {
  const at = label.indexOf(' at ');
  const s = at > 0 ? label.slice(0, at) : label;
  return s.length > 32 ? `${s.slice(0, 30)}…` : s;
};

function elements(network) {
  const nodes = network.elements.nodes;
  const edges = network.elements.edges;
  const maxB = Math.max(...nodes.map((n) => n.data.betweenness), 0);
  const maxR = Math.max(...edges.map((e) => approx(e.data.referrals)), 1);
  const key = new Set([...nodes].sort((a, b) => b.data.betweenness - a.data.betweenness).slice(0, 10)
    .filter((n) => n.data.betweenness > 0).map((n) => n.data.id));
  return [
    ...nodes.map((n) => ({
      data: { ...n.data, short: shortLabel(n.data.label), colour: COLOURS[n.data.sector] || COLOURS.other,
        shape: SHAPES[n.data.type] || 'ellipse',
        // Square root so that small but real betweenness still shows; never below 14 px.
        size: 18 + (maxB > 0 ? 52 * Math.sqrt(n.data.betweenness / maxB) : 0) },
      classes: key.has(n.data.id) ? 'key' : '',
    })),
    ...edges.map((e) => ({ data: { ...e.data, width: 1 + 7 * Math.sqrt(approx(e.data.referrals) / maxR) } })),
  ];
}

function draw(container, network) {
  const cy = cytoscape({
    container,
    elements: elements(network),
    minZoom: 0.1,
    maxZoom: 4,
    boxSelectionEnabled: false,
    style: [
      { selector: 'node', style: { 'background-color': 'data(colour)', shape: 'data(shape)', width: 'data(size)',
        height: 'data(size)', 'border-width': 1, 'border-color': '#ffffff', label: 'data(short)', 'font-size': 8,
        'min-zoomed-font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 2, color: '#0b0c0c' } },
      { selector: 'node[?articulationPoint]', style: { 'border-width': 5, 'border-color': '#0b0c0c' } },
      { selector: 'node.key', style: { 'font-size': 11, 'min-zoomed-font-size': 5, 'font-weight': 'bold',
        'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': 2, 'z-index': 5 } },
      { selector: 'edge', style: { width: 'data(width)', 'line-color': '#b1b4b6', 'curve-style': 'straight',
        'target-arrow-shape': 'triangle', 'target-arrow-color': '#b1b4b6', 'arrow-scale': 0.7, opacity: 0.75 } },
      { selector: 'edge.near', style: { 'line-color': '#0b0c0c', 'target-arrow-color': '#0b0c0c', opacity: 1, 'z-index': 8 } },
      { selector: 'node.near', style: { 'font-size': 9, 'min-zoomed-font-size': 8, 'text-background-color': '#ffffff',
        'text-background-opacity': 0.85, 'z-index': 8 } },
      { selector: 'node:selected', style: { 'border-width': 7, 'border-color': '#ffdd00', 'outline-width': 3,
        'outline-color': '#0b0c0c', label: 'data(label)', 'font-size': 12, 'font-weight': 'bold', 'min-zoomed-font-size': 0,
        'text-background-color': '#ffdd00', 'text-background-opacity': 1, 'text-background-padding': 3, 'z-index': 10 } },
    ],
    layout: { name: 'cose', animate: false, randomize: true, fit: true, padding: 20, nodeRepulsion: () => 9000,
      idealEdgeLength: () => 45, numIter: 800, componentSpacing: 60, nodeOverlap: 8 },
  });
  // Key and selected labels keep one size on screen, however far the view is zoomed.
  let queued = false;
  const sizeLabels = () => {
    queued = false;
    const zoom = cy.zoom();
    cy.style().selector('node.key').style('font-size', 11 / zoom)
      .selector('node:selected').style('font-size', 13 / zoom).update();
  };
  sizeLabels();
  cy.on('zoom', () => {
    if (!queued) { queued = true; requestAnimationFrame(sizeLabels); }
  });
  return cy;
}

/** Selects a node and marks its links; `zoom` brings it and its neighbours into view. */
function highlight(cy, id, zoom) {
  cy.elements().removeClass('near').unselect();
  const node = cy.getElementById(id);
  if (node.empty()) return false;
  node.select();
  node.connectedEdges().addClass('near');
  node.neighborhood('node').addClass('near');
  if (zoom) cy.animate({ fit: { eles: node.closedNeighborhood(), padding: 60 } }, { duration: 250 });
  return true;
}

function legend() {
  return [
    h('ul', { class: 'bm-graph-legend', 'aria-label': 'Colours: sectors' },
      Object.entries(SECTORS).map(([code, label]) => h('li', {}, h('span', { class: `bm-dot bm-sector-${code}`, 'aria-hidden': 'true' }), label))),
    h('ul', { class: 'bm-graph-legend', 'aria-label': 'Shapes and sizes' },
      SHAPE_WORDS.map(([glyph, label]) => h('li', {}, h('span', { 'aria-hidden': 'true' }, glyph), label)),
      h('li', {}, h('span', { class: 'bm-dot bm-dot--ring', 'aria-hidden': 'true' }), 'cut vertex'),
      h('li', {}, 'Size: betweenness · Line width: referrals')),
  ];
}

/** A link to a node that opens it in the panel without leaving the page. */
function openLink(node, state, text) {
  return h('a', { class: 'govuk-link', href: href('/network.html', { ...state, node: node.id }),
    onClick: (event) => { event.preventDefault(); openNode(node.id, { focus: true }); } }, text || node.name);
}

const BROKER_ROLES = [
  ['liaison', 'between two different other sectors', 'liaison'],
  ['gatekeeper', 'into its own sector', 'gatekeeper'],
  ['representative', 'from its own sector to another', 'representative'],
  ['coordinator', 'within its own sector', 'coordinator'],
  ['itinerant', 'between two others of one other sector', 'itinerant'],
];

function brokerageWords(b) {
  if (!b || !b.total) return 'Brokers no pairs: nobody passes through it from one node to another.';
  const parts = BROKER_ROLES.filter(([key]) => b[key] > 0).map(([key, words, name]) => `${num(b[key])} ${words} (${name})`);
  return `Brokers ${num(b.total)} ${b.total === 1 ? 'pair' : 'pairs'} in all: ${parts.join(', ')}.`;
}

function measuresWords(m, asOf, node) {
  if (!m) return [p(`No referrals in the year to ${longDate(asOf)}: it is not in the referral network on that day.`)];
  const items = [
    `Made ${num(m.referralsOut)} ${m.referralsOut === 1 ? 'referral' : 'referrals'} and received ${num(m.referralsIn)} in the year to ${longDate(asOf)}`
      + (m.referralsPerFte !== null && m.referralsPerFte !== undefined ? `: ${rateNum(m.referralsPerFte, 0)} per full-time post.` : '.'),
    brokerageWords(m.brokerage),
    m.articulationPoint
      ? 'A cut vertex: without it, part of the referral network would be cut off from the rest.'
      : 'Not a cut vertex: the network holds together without it.',
    `Betweenness ${measure(m.betweenness)}: the share of shortest referral routes between other pairs that pass through ${node.type === 'practitioner' ? 'this practitioner' : 'it'}.`,
  ];
  if (m.effectiveSize !== null && m.effectiveSize !== undefined) {
    items.push(`Effective size ${num(m.effectiveSize, 1)} (contacts that do not just repeat each other); constraint ${num(m.constraint, 2)} `
      + `(${m.constraint < 0.2 ? 'low: its contacts are not tied to one another, so it bridges gaps' : m.constraint < 0.5 ? 'middling' : 'high: its contacts are tied to one another'}).`);
  }
  return [bullets(items)];
}

function flows(title, rows, state, id) {
  const top = [...rows].sort((a, b) => approx(b.referrals) - approx(a.referrals)).slice(0, 10);
  const more = rows.length - top.length;
  return [
    heading(3, 's', title),
    rows.length === 0 ? p('Nobody in the year.') : h('div', { class: 'bm-table-wrap' }, h('table', { class: 'govuk-table govuk-!-font-size-16', id },
      h('thead', { class: 'govuk-table__head' }, h('tr', { class: 'govuk-table__row' },
        h('th', { scope: 'col', class: 'govuk-table__header' }, 'Who'),
        h('th', { scope: 'col', class: 'govuk-table__header govuk-table__header--numeric' }, 'Referrals'),
        h('th', { scope: 'col', class: 'govuk-table__header govuk-table__header--numeric' }, 'Accepted'))),
      h('tbody', { class: 'govuk-table__body' }, top.map((f) => h('tr', { class: 'govuk-table__row' },
        h('td', { class: 'govuk-table__cell' }, openLink(f.other, state), h('br'), h('span', { class: 'govuk-hint govuk-!-font-size-14' }, `${sectorLabel(f.other.sector)} · ${kindLabel(f.other.kind)}`)),
        h('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, num(f.referrals)),
        h('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, num(f.accepted))))))),
    more > 0 ? p(`And ${num(more)} more.`) : null,
  ];
}

function period(start, end) {
  return end ? `${longDate(start)} to ${longDate(end)}` : `since ${longDate(start)}`;
}

function panelContent(detail, state, inGraph) {
  const n = detail.node;
  const where = n.boroughId ? boroughNames.get(n.boroughId) || n.boroughId : null;
  const parts = [
    h('h2', { class: 'govuk-heading-m', id: 'node-name', tabindex: '-1' }, n.name),
    h('dl', { class: 'govuk-summary-list govuk-!-font-size-16' },
      [['Kind', capital(kindLong(n.kind))], ['Sector', sectorLabel(n.sector)], ['Borough', where || 'Not tied to one borough']]
        .map(([k, v]) => h('div', { class: 'govuk-summary-list__row' },
          h('dt', { class: 'govuk-summary-list__key' }, k), h('dd', { class: 'govuk-summary-list__value' }, v)))),
  ];
  if (!inGraph && detail.measures) parts.push(p(h('strong', {}, 'Not in the graph shown: '), 'the borough or sector filter leaves it out.'));
  parts.push(heading(3, 's', 'In the network'), measuresWords(detail.measures, detail.asOf, n));
  parts.push(flows('Referred by (top 10)', detail.referredBy, state, 'referred-by'));
  parts.push(flows('Refers to (top 10)', detail.referredTo, state, 'referred-to'));
  if (detail.placements.length) {
    parts.push(heading(3, 's', 'Placements'), bullets(detail.placements.map((pl) => (n.type === 'practitioner'
      ? [openLink(pl.setting, state), `, ${period(pl.start, pl.end)}`]
      : [openLink(pl.practitioner, state, pl.practitioner.id), `, ${period(pl.start, pl.end)}`]))));
  }
  if (detail.service) {
    const s = detail.service;
    parts.push(heading(3, 's', 'What the service takes'), bullets([
      `Serves ${s.boroughIds.length ? s.boroughIds.map((id) => boroughNames.get(id) || id).join(', ') : 'no borough'}.`,
      `Accepts ${s.accepts.length ? s.accepts.map(needLabel).join(', ') : 'no listed need'}.`,
      `Excludes ${s.excludes.length ? s.excludes.map(needLabel).join(', ') : 'nobody for their needs'}.`,
      `${s.capacityPerMonth !== null && s.capacityPerMonth !== undefined ? `Room for ${num(s.capacityPerMonth)} a month` : 'Capacity unknown'}`
        + `${s.waitWeeks !== null && s.waitWeeks !== undefined ? `; a wait of about ${num(s.waitWeeks, 0)} weeks.` : '.'}`,
    ]));
  }
  if (detail.funding.length) {
    parts.push(heading(3, 's', 'Funding'), bullets(detail.funding.map((f) =>
      `${f.funderName}: ${gbp(f.amountGbp)}, ${period(f.start, f.end)}`)));
  }
  const succession = (s, words) => `${words} ${s.name} on ${longDate(s.date)}`
    + ` (${s.takes.join(', ')}${s.note ? `; ${s.note}` : ''})`;
  if (detail.predecessors?.length || detail.successors?.length) {
    parts.push(heading(3, 's', 'Reorganisations'), bullets([
      ...detail.predecessors.map((s) => succession(s, 'Took over from')),
      ...detail.successors.map((s) => succession(s, 'Replaced by'))]));
  }
  return parts;
}

async function openNode(id, { focus = false, push = true, zoom = true } = {}) {
  const panel = document.getElementById('node-panel');
  if (!panel) return;
  if (push) setState({ node: id }, { push: true, render: false });
  const state = { asOf: graph?.state.asOf || '', borough: graph?.state.borough || '', sector: graph?.state.sector || '' };
  const inGraph = graph ? highlight(graph.cy, id, zoom) : false;
  replace(panel, h('p', { class: 'govuk-body', role: 'status' }, 'Loading…'));
  try {
    const detail = await getJson(`/api/nodes/${encodeURIComponent(id)}`, { asOf: state.asOf });
    clearError();
    replace(panel, panelContent(detail, state, inGraph));
    if (focus) document.getElementById('node-name').focus();
  } catch (error) {
    replace(panel, heading(2, 'm', 'Node details'), p(error.detail || 'Could not load this node.'));
    handleProblem(error, () => openNode(id, { focus, push: false, zoom }));
  }
}

/** Buttons that download this view (date and borough) for Gephi, Cytoscape desktop or a spreadsheet. */
function downloads(state) {
  const formats = [['graphml', 'GraphML (Gephi, Cytoscape)'], ['gexf', 'GEXF (Gephi)'], ['csv', 'Every analysis as CSV (.zip)']];
  const said = h('p', { class: 'govuk-body-s', id: 'download-status', role: 'status', 'aria-live': 'polite' });
  const buttons = formats.map(([format, label]) => h('button', {
    type: 'button', class: 'govuk-button govuk-button--secondary govuk-!-margin-right-2 govuk-!-margin-bottom-2',
    'data-format': format,
    onClick: async () => {
      clearError();
      said.textContent = 'Preparing the file…';
      try {
        const name = await download('/api/export', { format, asOf: state.asOf, borough: state.borough });
        said.textContent = `Downloaded ${name}.`;
      } catch (error) {
        said.textContent = '';
        handleProblem(error, () => {});
      }
    },
  }, label));
  return h('div', { class: 'bm-downloads', id: 'downloads' },
    heading(2, 'm', 'Download'),
    p('The referral graph as of this day, with every node\'s sector, kind, borough, betweenness, brokerage roles and '
      + 'cut-vertex flag, for Gephi or Cytoscape desktop; or every analysis as CSV files. The sector filter does not apply.'),
    h('div', { class: 'govuk-button-group' }, ...buttons), said);
}

function nodeTable(network, state) {
  const rows = network.elements.nodes.map((n) => n.data);
  return sortableTable({
    id: 'node-table',
    caption: `The ${num(rows.length)} nodes in the graph`,
    small: true,
    captionClass: 'govuk-table__caption--m',
    rows,
    sortBy: 3,
    limit: 20,
    columns: [
      { label: 'Name', value: (d) => d.label, render: (d) => openLink({ id: d.id, name: d.label }, state) },
      { label: 'Kind', value: (d) => kindLabel(d.kind) },
      { label: 'Sector', value: (d) => sectorLabel(d.sector) },
      { label: 'Betweenness', value: (d) => d.betweenness, numeric: true, render: (d) => measure(d.betweenness) },
      { label: 'Cut vertex', value: (d) => (d.articulationPoint ? 'Yes' : 'No') },
      { label: 'Brokerage', value: (d) => d.brokerage, numeric: true, render: (d) => num(d.brokerage) },
      { label: 'Referrals in', value: (d) => d.referralsIn, numeric: true, render: (d) => num(d.referralsIn) },
      { label: 'Referrals out', value: (d) => d.referralsOut, numeric: true, render: (d) => num(d.referralsOut) },
    ],
  });
}

function emptyText(network) {
  const filters = [network.boroughId ? `in ${boroughNames.get(network.boroughId) || network.boroughId}` : null,
    network.sector ? `touching ${sectorLabel(network.sector).toLowerCase()}` : null].filter(Boolean).join(' ');
  return `No referrals${filters ? ` ${filters}` : ''} in the year to ${longDate(network.asOf)}.`;
}

const GROUP_WORDS = { region: 'regions', borough: 'boroughs', organisation: 'organisations' };

/** Where the grouped view stands: England › a region › a borough, each a link back up. */
function breadcrumbs(aggregate) {
  const up = (text, next) => h('a', { class: 'govuk-link', href: '#', 'data-level': next.level || 'region',
    onClick: (event) => { event.preventDefault(); setState({ node: '', borough: '', region: '', ...next }); } }, text);
  const crumbs = [up('All regions', { level: 'region' })];
  if (aggregate.level !== 'region' && aggregate.region) {
    crumbs.push(' › ', aggregate.level === 'borough' ? h('strong', {}, aggregate.region) : up(aggregate.region, { level: 'borough', region: aggregate.region }));
  }
  if (aggregate.level === 'organisation') crumbs.push(' › ', h('strong', {}, aggregate.boroughId ? aggregate.focusName : capital(aggregate.focusName)));
  return h('p', { class: 'govuk-body', id: 'breadcrumbs' }, ...crumbs);
}

/** Opens a group one level down (the node-level view of a borough at the bottom). */
function drill(group) {
  const d = group.drill;
  if (!d) return;
  if (d.level === 'node') setState({ level: '', region: '', borough: d.borough, node: '' });
  else setState({ level: d.level, region: d.region || '', borough: d.borough || '', node: '' });
}

function groupElements(aggregate) {
  const maxN = Math.max(...aggregate.groups.map((g) => g.nodes), 1);
  const maxR = Math.max(...aggregate.edges.map((e) => approx(e.referrals)), 1);
  const focus = (g) => g.kind === aggregate.level;
  return [
    ...aggregate.groups.map((g) => ({
      data: { id: g.id, label: `${g.name} (${num(g.nodes)})`, short: shortLabel(g.name), size: 24 + 56 * Math.sqrt(g.nodes / maxN),
        colour: focus(g) ? '#1d70b8' : '#b1b4b6', openable: g.drill ? 1 : 0 },
      classes: focus(g) ? 'key' : '',
    })),
    ...aggregate.edges.map((e) => ({ data: { id: e.id, source: e.source, target: e.target,
      width: 1 + 9 * Math.sqrt(approx(e.referrals) / maxR) } })),
  ];
}

function drawGroups(container, aggregate) {
  return cytoscape({
    container,
    elements: groupElements(aggregate),
    minZoom: 0.1,
    maxZoom: 4,
    boxSelectionEnabled: false,
    style: [
      { selector: 'node', style: { 'background-color': 'data(colour)', shape: 'ellipse', width: 'data(size)', height: 'data(size)',
        'border-width': 1, 'border-color': '#ffffff', label: 'data(short)', 'font-size': 10, 'text-valign': 'bottom',
        'text-margin-y': 2, color: '#0b0c0c' } },
      { selector: 'node.key', style: { 'font-weight': 'bold' } },
      { selector: 'edge', style: { width: 'data(width)', 'line-color': '#b1b4b6', 'curve-style': 'bezier',
        'target-arrow-shape': 'triangle', 'target-arrow-color': '#b1b4b6', 'arrow-scale': 0.7, opacity: 0.7 } },
    ],
    layout: { name: 'cose', animate: false, randomize: false, fit: true, padding: 20, nodeRepulsion: () => 20000,
      idealEdgeLength: () => 90, numIter: 400 },
  });
}

function groupTable(aggregate) {
  const kind = aggregate.level;
  const rows = aggregate.groups;
  return sortableTable({
    id: 'group-table',
    caption: `The ${num(rows.filter((g) => g.kind === kind).length)} ${GROUP_WORDS[kind]} shown${rows.length > rows.filter((g) => g.kind === kind).length ? ', and the rest of the network grouped' : ''}`,
    captionClass: 'govuk-table__caption--m',
    small: true,
    rows,
    sortBy: 2,
    limit: 25,
    columns: [
      { label: 'Group', value: (g) => g.name, render: (g) => (g.drill
        ? h('a', { class: 'govuk-link', href: '#', 'data-group': g.id, onClick: (event) => { event.preventDefault(); drill(g); } }, g.name)
        : g.name) },
      { label: 'Grouped by', value: (g) => g.kind },
      { label: 'Nodes', value: (g) => g.nodes, numeric: true, render: (g) => num(g.nodes) },
      { label: 'Referrals within', value: (g) => approx(g.referralsWithin), numeric: true, render: (g) => num(g.referralsWithin) },
      { label: 'Referrals out', value: (g) => approx(g.referralsOut), numeric: true, render: (g) => num(g.referralsOut) },
      { label: 'Referrals in', value: (g) => approx(g.referralsIn), numeric: true, render: (g) => num(g.referralsIn) },
    ],
  });
}

/** The grouped network: regions, a region's boroughs or a borough's organisations, each opening one level down. */
async function showGroups(aggregate, state, key, content, isCurrent) {
  const kind = aggregate.level;
  const shown = aggregate.groups.filter((g) => g.kind === kind).length;
  const intro = kind === 'region'
    ? `The network has ${num(aggregate.nodeCount)} organisations, services and practitioners and ${num(aggregate.edgeCount)} referral links: `
      + `more than ${num(LARGE)} nodes are too many to draw one by one, so they are grouped by region. `
      + 'Choose a region to see its boroughs, then a borough to see its organisations, then that borough\'s own network.'
    : `${num(shown)} ${GROUP_WORDS[kind]} of ${aggregate.focusName}, with the rest of the network grouped around them. `
      + (kind === 'borough' ? 'Choose a borough to see its organisations.' : (aggregate.boroughId ? 'Choose an organisation to see the borough\'s own network.' : ''));
  const container = h('div', { class: 'bm-graph', id: 'graph', role: 'img', 'data-level': kind,
    'aria-label': `Referral network grouped by ${kind}: ${aggregate.groups.length} groups. The table below the graph lists the same groups.` });
  replace(content,
    heading(2, 'l', `${capital(GROUP_WORDS[kind])}: the year to ${longDate(aggregate.asOf)}`, { id: 'graph-heading' }),
    breadcrumbs(aggregate),
    p(intro, ' Circle size: nodes in the group · line width: referrals between groups (', num(aggregate.referrals), ' in all).'),
    container, groupTable(aggregate), downloads(state));
  status('Laying out the graph…');
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  if (!isCurrent()) return;
  const cy = drawGroups(container, aggregate);
  graph = { key, cy, network: null, aggregate, state: { ...state } };
  window.bridgemapGraph = cy;
  cy.on('tap', 'node', (event) => {
    const group = aggregate.groups.find((g) => g.id === event.target.id());
    if (group) drill(group);
  });
  status('');
  container.dataset.ready = 'true';
}

/** Above this many nodes the page starts grouped (the server's NetworkAggregate.NODE_LEVEL_MAX). */
const LARGE = 500;

startPage(async (state, isCurrent) => {
  const key = `${state.asOf}|${state.borough}|${state.sector}|${state.level}|${state.region}`;
  if (graph && graph.key === key) {
    if (state.node) openNode(state.node, { push: false });
    return;
  }
  const content = document.getElementById('content');
  status('Loading the referral network…');
  // A borough chosen in the filters shows its own network; otherwise the level asked for, or (auto) every node of a
  // small network and the regions of a large one.
  const grouped = state.level && state.level !== 'node' && (!state.borough || state.level === 'organisation');
  const level = grouped ? state.level : (state.borough || state.level === 'node' ? '' : 'auto');
  const [list, network] = await Promise.all([boroughs(), getJson('/api/network', { asOf: state.asOf, borough: state.borough,
    sector: state.sector, level, region: grouped ? state.region : '' }), fillBoroughSelect()]);
  if (!isCurrent()) return;
  boroughNames = new Map(list.map((b) => [b.id, b.name]));
  showDefaultDate(network.asOf);
  if (graph) graph.cy.destroy();
  graph = null;
  if (network.level !== 'node') {
    await showGroups(network, state, key, content, isCurrent);
    return;
  }
  const panel = h('div', { class: 'bm-panel', id: 'node-panel' },
    heading(2, 'm', 'Node details'),
    p('Choose a node in the graph, or a name in the list below the graph, to see who it refers people to and who refers to it.'));
  const scope = [network.boroughId ? boroughNames.get(network.boroughId) : 'London', network.sector ? sectorLabel(network.sector).toLowerCase() : null]
    .filter(Boolean).join(', ');
  if (network.nodeCount === 0) {
    status('');
    replace(content, heading(2, 'l', `Referrals on ${longDate(network.asOf)}`), p(emptyText(network)), panel);
    graph = { key, cy: cytoscape({ headless: true }), network, state: { ...state, asOf: state.asOf } };
    if (state.node) openNode(state.node, { push: false });
    return;
  }
  const container = h('div', { class: 'bm-graph', id: 'graph', role: 'img',
    'aria-label': `Referral network graph, ${scope}: ${network.nodeCount} nodes and ${network.edgeCount} referral links. The table below the graph lists the same nodes.` });
  replace(content,
    heading(2, 'l', `${scope}: the year to ${longDate(network.asOf)}`, { id: 'graph-heading' }),
    network.boroughId || state.level === 'node' ? null : h('p', { class: 'govuk-body', id: 'level-note' },
      `Every node is drawn: the network is small enough (at most ${num(LARGE)} nodes; a larger one starts grouped by region).`),
    p(`${num(network.nodeCount)} organisations, services and practitioners, joined by ${num(network.edgeCount)} referral links. `
      + 'Scroll to zoom, drag to move; choose a node to see its details.'),
    h('div', { class: 'bm-network-layout' }, h('div', {}, legend(), container,
      h('button', { type: 'button', class: 'govuk-button govuk-button--secondary govuk-!-margin-top-2', id: 'whole-network',
        onClick: () => { if (graph) graph.cy.animate({ fit: { padding: 20 } }, { duration: 250 }); } }, 'Show the whole network')), panel),
    nodeTable(network, state), downloads(state));
  status('Laying out the graph…');
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  if (!isCurrent()) return;
  const cy = draw(container, network);
  graph = { key, cy, network, state: { ...state } };
  window.bridgemapGraph = cy; // for the browser tests and the curious
  cy.on('tap', 'node', (event) => openNode(event.target.id(), { focus: false, zoom: false }));
  status('');
  container.dataset.ready = 'true';
  if (state.node) openNode(state.node, { push: false });
}, { keys: ['level', 'region'] });
