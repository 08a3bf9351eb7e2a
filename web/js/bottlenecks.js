// Bottlenecks: the single points of failure (structure, cover and flow in one answer), services over capacity or
// with long waits, the criminal-justice → health broker cut, which broker carries each criminal-justice setting's
// people to health, and every node's measures.

import { getJson } from './api.js';
import { bullets, h, heading, joined, p, replace } from './dom.js';
import { approx, capital, isSuppressed, sumCounts, kindLabel, longDate, measure, num, rateNum, sectorLabel } from './format.js';
import { fillBoroughSelect, handleProblem, inBorough, nodeLink, showDefaultDate, startPage, status } from './page.js';
import { pagedTable, pagesOf, rowsAt, sortableTable } from './table.js';

/** Rows per page of the long lists. */
const ROWS = 25;

/** The share of a setting's people carried by its main broker; null when a count is suppressed ("*") or zero. */
const share = (r) => (typeof r.peopleToHealth === 'number' && typeof r.peopleThroughMainBroker === 'number' && r.peopleToHealth > 0
  ? r.peopleThroughMainBroker / r.peopleToHealth : null);
const wholePct = (x) => `${Math.round(x * 100)}%`;

/** A reason as the command line writes it (catalogue/PointsOfFailureReport): its words, the share as a whole percentage, its term. */
export function reasonText(x) {
  const share = isSuppressed(x.share) ? 'a share not shown' : (typeof x.share === 'number' ? wholePct(x.share) : 'an unknown share');
  return `${x.words.replace('{share}', share)} (${x.term})`;
}

/** A paragraph a test can find by its id. */
const para = (id, ...children) => h('p', { class: 'govuk-body', id }, ...children);

/** "48 people depend on it", "1 person depends on it", "fewer than 8 people depend on it". */
const dependOn = (n) => (n === 1 ? '1 person depends on it' : `${num(n)} people depend on it`);

/** "4 agencies, 3 funders, 24 practitioners", kinds in alphabetical order, as the command line counts them. */
function byType(counts) {
  const plural = (type) => (type === 'agency' ? 'agencies' : `${type}s`);
  return Object.keys(counts).sort().map((type) => `${counts[type]} ${counts[type] === 1 ? type : plural(type)}`).join(', ');
}

/** The single points of failure, most people depending first, each with every reason in words. */
function pointsOfFailure(result, link, where, asOf) {
  // The points come a page at a time, most people depending first; pages.points counts them all by type.
  const points = result.points;
  const pages = pagesOf(result);
  const total = pages.points.total;
  const cut = pages.cutVertices.total;
  return [
    heading(2, 'm', 'Single points of failure', { id: 'points-of-failure' }),
    p('Who, if they went, would leave a place with no practitioner, people without their main route to health, or the referral network in pieces; most people depending on them first.'),
    total
      ? [para('points-summary', `${num(total)} single point${total === 1 ? '' : 's'} of failure${where} (${byType(pages.points.rowsBy)}); ${num(cut)} of them ${cut === 1 ? 'is' : 'are'} a cut vertex of the referral graph.`),
        h('ol', { class: 'govuk-list govuk-list--number', id: 'points-list' }, points.slice(0, 15).map((pt) => h('li', { 'data-id': pt.id },
          pt.node ? nodeLink(pt.node, link) : h('strong', {}, pt.name), ` (${pt.type}) — ${dependOn(pt.people)}: `,
          pt.reasons.map(reasonText).join('; ')))),
        total > 15 ? p(`And ${num(total - 15)} more (the command line and the API list them all).`) : null]
      : para('points-summary', `None${where} on ${longDate(asOf)}: no practitioner or funder alone keeps a place covered, no one carries most of a setting's people to health, and the referral network has no cut vertex.`),
  ];
}

/** Services over their stated monthly capacity and services with long waits, with where their people came from. */
function capacity(c, link, pages, paged) {
  // The services come a page at a time, fullest first; those over capacity and those waiting long are pages of their own.
  const services = c.services;
  const over = c.servicesOverCapacity;
  const waiting = c.servicesWaitingLong;
  const stated = pages.services.rowsWith.capacityPerMonth;
  const more = (name) => (pages[name].leftOut ? h('li', {}, `and ${num(pages[name].leftOut)} more`) : null);
  const from = (s) => s.queue.slice(0, 3).map((q) => `${q.entry ? q.entry.name : 'no criminal-justice setting'} ${num(q.people)}`).join('; ')
    + (s.queue.length > 3 ? `; ${num(s.queue.length - 3)} more` : '');
  const load = (s) => (typeof s.load === 'number' ? `${num(s.load * 100, 1)}%` : '–');
  const fullest = services.filter((s) => typeof s.load === 'number').sort((a, b) => b.load - a.load || a.service.name.localeCompare(b.service.name)).slice(0, 3);
  return [
    heading(2, 'm', 'Services over capacity or with long waits', { id: 'capacity' }),
    para('over-capacity-summary', `Services over capacity (more referrals accepted a month in the year than their stated monthly capacity): ${num(pages.overCapacity.total)} of ${num(stated)}.`),
    over.length
      ? h('ul', { class: 'govuk-list govuk-list--bullet', id: 'over-capacity-list' }, over.map((s) => h('li', {},
        nodeLink(s.service, link), ` — ${num(s.acceptedPerMonth, 1)} accepted a month against a capacity of ${num(s.capacityPerMonth)} (${load(s)} of capacity)`,
        s.queue.length ? `; people came from ${from(s)}` : '')), more('overCapacity'))
      : (fullest.length ? para('fullest', 'Fullest: ', joined(fullest.map((s) => [nodeLink(s.service, link),
        ` ${load(s)} (${num(s.acceptedPerMonth, 1)} a month against ${num(s.capacityPerMonth)})`]), '; '), '.') : null),
    para('long-wait-summary', `Long waits (more than ${num(c.longWait.waitWeeks)} weeks: ${c.longWait.standard}): ${num(pages.longWait.total)} of ${num(pages.services.rowsWith.waitWeeks)} services that state a wait.`),
    waiting.length
      ? h('ul', { class: 'govuk-list govuk-list--bullet', id: 'long-wait-list' }, waiting.map((s) => h('li', {},
        nodeLink(s.service, link), ` — a wait of ${num(s.waitWeeks)} weeks, ${num(s.acceptedPerMonth, 1)} accepted a month`,
        s.queue.length ? `; people came from ${from(s)}` : '')), more('longWait'))
      : null,
    paged('services', { id: 'capacity-table', caption: 'Services by load: accepted a month against stated capacity', small: true,
      sortBy: 4,
      columns: [
        { label: 'Service', value: (s) => s.service.name, render: (s) => nodeLink(s.service, link) },
        { label: 'Accepted in the year', value: (s) => s.accepted, numeric: true, render: (s) => num(s.accepted) },
        { label: 'Accepted a month', value: (s) => s.acceptedPerMonth, numeric: true, render: (s) => num(s.acceptedPerMonth, 1) },
        { label: 'Capacity a month', value: (s) => s.capacityPerMonth, numeric: true, render: (s) => num(s.capacityPerMonth) },
        { label: 'Load', value: (s) => s.load, numeric: true, render: load },
        { label: 'Wait (weeks)', value: (s) => s.waitWeeks, numeric: true, render: (s) => num(s.waitWeeks) },
      ] }),
  ];
}

function structure(r, link) {
  switch (r.status) {
    case 'direct': return 'Refers to health itself';
    case 'sole_bridge': return ['Only through ', joined(r.through.map((n) => nodeLink(n, link)))];
    case 'several_brokers': return ['Through ', joined(r.through.map((n) => nodeLink(n, link))), ' together'];
    default: return 'No route to health';
  }
}

startPage(async (state, isCurrent) => {
  const content = document.getElementById('content');
  status('Loading the bottlenecks…');
  const query = { asOf: state.asOf, borough: state.borough, limit: ROWS };
  const [result, failures] = await Promise.all([getJson('/api/analysis/bottlenecks', query),
    getJson('/api/analysis/points-of-failure', query), fillBoroughSelect()]);
  const pages = pagesOf(result);
  const paged = (name, options) => pagedTable({ ...options, name, page: pages[name], rows: rowsAt(result, pages[name].path),
    load: (cursor) => getJson('/api/analysis/bottlenecks', { ...query, cursor }), onError: (error) => handleProblem(error, () => {}) });
  if (!isCurrent()) return;
  showDefaultDate(result.asOf);
  const asOf = result.asOf;
  const link = { ...state };
  const where = inBorough(state);
  const g = result.graph;
  status('');
  if (g.nodes === 0) {
    replace(content, heading(2, 'l', `The year to ${longDate(asOf)}${where}`),
      p(`No referrals${where} in the year to ${longDate(asOf)}, so there is no network to find bottlenecks in.`),
      pointsOfFailure(failures, link, where, asOf), capacity(result.capacity, link, pages, paged));
    return;
  }
  const cut = result.brokerCut;
  const routes = result.entryRoutes.filter((r) => r.mainBroker && r.peopleToHealth > 0);
  const mostly = routes.filter((r) => share(r) > 0.5).sort((a, b) => share(b) - share(a));
  const sole = result.entryRoutes.filter((r) => r.status === 'sole_bridge');

  replace(content,
    heading(2, 'l', `The year to ${longDate(asOf)}${where}`),
    p(`Referral network: ${num(g.nodes)} organisations, services and practitioners, ${num(g.edges)} referral links and ${num(g.referrals)} referrals.`),
    pointsOfFailure(failures, link, where, asOf),
    capacity(result.capacity, link, pages, paged),

    heading(2, 'm', 'Is there one set of brokers between criminal justice and health?', { id: 'broker-cut' }),
    h('div', { class: 'govuk-inset-text', id: 'broker-cut-summary' }, cut.summary),
    cut.kind === 'cut' && cut.cut.length ? [p('Removing these would cut every route from criminal justice to health:'),
      bullets(cut.cut.map((n) => nodeLink(n, link)))] : null,

    heading(2, 'm', 'Criminal-justice settings whose people reach health mostly through one broker', { id: 'main-brokers' }),
    mostly.length
      ? [p('Of the people a setting referred on who then reached health, the share carried by one other node:'),
        h('ul', { class: 'govuk-list govuk-list--bullet', id: 'main-broker-list' }, mostly.map((r) => h('li', {},
          h('strong', {}, r.entry.name), ` — ${wholePct(share(r))} of its people reached health through `,
          nodeLink(r.mainBroker, link), ` (${num(r.peopleThroughMainBroker)} of ${num(r.peopleToHealth)})`)))]
      : p(`No criminal-justice setting${where} sent most of its people to health through one broker in the year to ${longDate(asOf)}.`),
    sole.length ? p(`By the shape of the network, ${sole.length === 1 ? 'one setting reaches' : `${num(sole.length)} settings reach`} health only through a single node: `,
      joined(sole.map((r) => [r.entry.name, ' (through ', joined(r.through.map((n) => nodeLink(n, link))), ')'])), '.') : null,
    sortableTable({ id: 'routes-table', caption: 'Routes from criminal-justice settings to health', rows: result.entryRoutes, small: true,
      sortBy: 5, limit: 20,
      columns: [
        { label: 'Setting', value: (r) => r.entry.name, render: (r) => nodeLink(r.entry, link) },
        { label: 'Borough', value: (r) => r.boroughName },
        { label: 'People who reached health', value: (r) => r.peopleToHealth, numeric: true, render: (r) => num(r.peopleToHealth) },
        { label: 'Referred to health directly', value: (r) => r.peopleDirect, numeric: true, render: (r) => num(r.peopleDirect) },
        { label: 'Main broker', value: (r) => r.mainBroker?.name ?? null, render: (r) => (r.mainBroker ? nodeLink(r.mainBroker, link) : '–') },
        { label: 'Share through main broker', value: share, numeric: true,
          render: (r) => (share(r) === null ? (isSuppressed(r.peopleThroughMainBroker) || isSuppressed(r.peopleToHealth) ? 'Not shown (fewer than 8 people)' : '–')
            : `${wholePct(share(r))} (${num(r.peopleThroughMainBroker)})`) },
        { label: 'Routes by structure', value: (r) => r.status, render: (r) => structure(r, link) },
      ] }),

    heading(2, 'm', 'Every node’s measures', { id: 'measures' }),
    p('Betweenness: the share of shortest referral routes between others that pass through the node. Cut vertex: the network splits without it. '
      + 'Brokerage: pairs it links across sectors — liaison between two other sectors, gatekeeper into its own. '
      + 'Constraint: low when its contacts are not tied to each other. Per FTE: referrals made or received per full-time post.'),
    paged('nodes', { id: 'measures-table', caption: 'Node measures', sortBy: 3, small: true,
      columns: [
        { label: 'Name', value: (r) => r.node.name, render: (r) => nodeLink(r.node, link) },
        { label: 'Kind', value: (r) => kindLabel(r.node.kind), render: (r) => capital(kindLabel(r.node.kind)) },
        { label: 'Sector', value: (r) => sectorLabel(r.node.sector) },
        { label: 'Share of routes through it (betweenness)', value: (r) => r.betweenness, numeric: true, render: (r) => measure(r.betweenness) },
        { label: 'Network splits without it (cut vertex)', value: (r) => (r.articulationPoint ? 'Yes' : 'No') },
        { label: 'Pairs it links across sectors (brokerage)', value: (r) => r.brokerage.total, numeric: true, render: (r) => num(r.brokerage.total) },
        { label: 'Links two other sectors (liaison)', value: (r) => r.brokerage.liaison, numeric: true, render: (r) => num(r.brokerage.liaison) },
        { label: 'Lets others into its own sector (gatekeeper)', value: (r) => r.brokerage.gatekeeper, numeric: true, render: (r) => num(r.brokerage.gatekeeper) },
        { label: 'Constraint', value: (r) => r.constraint, numeric: true, render: (r) => (r.constraint === null ? '–' : num(r.constraint, 2)) },
        { label: 'Referrals', value: (r) => approx(r.referralsIn) + approx(r.referralsOut), numeric: true,
          render: (r) => num(sumCounts([r.referralsIn, r.referralsOut])) },
        { label: 'Per FTE', value: (r) => r.referralsPerFte, numeric: true, render: (r) => (r.referralsPerFte === null ? '–' : rateNum(r.referralsPerFte, 0)) },
      ] }),

    heading(2, 'm', 'Bridges', { id: 'bridges' }),
    p('Referral links whose loss would split the network in two.'),
    paged('bridges', { id: 'bridges-table', caption: 'Bridges', empty: 'No single link holds the network together.',
      columns: [
        { label: 'One end', value: (r) => r.a.name, render: (r) => nodeLink(r.a, link) },
        { label: 'Other end', value: (r) => r.b.name, render: (r) => nodeLink(r.b, link) },
      ] }));
});
