// Bottlenecks: the criminal-justice → health broker cut, which broker carries each criminal-justice
// setting's people to health, and every node's measures.

import { getJson } from './api.js';
import { bullets, h, heading, joined, p, replace } from './dom.js';
import { approx, capital, isSuppressed, sumCounts, kindLabel, longDate, measure, num, rateNum, sectorLabel } from './format.js';
import { fillBoroughSelect, inBorough, nodeLink, showDefaultDate, startPage, status } from './page.js';
import { sortableTable } from './table.js';

/** The share of a setting's people carried by its main broker; null when a count is suppressed ("*") or zero. */
const share = (r) => (typeof r.peopleToHealth === 'number' && typeof r.peopleThroughMainBroker === 'number' && r.peopleToHealth > 0
  ? r.peopleThroughMainBroker / r.peopleToHealth : null);
const wholePct = (x) => `${Math.round(x * 100)}%`;

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
  const [result] = await Promise.all([getJson('/api/analysis/bottlenecks', { asOf: state.asOf, borough: state.borough }), fillBoroughSelect()]);
  if (!isCurrent()) return;
  showDefaultDate(result.asOf);
  const asOf = result.asOf;
  const link = { ...state };
  const where = inBorough(state);
  const g = result.graph;
  status('');
  if (g.nodes === 0) {
    replace(content, heading(2, 'l', `The year to ${longDate(asOf)}${where}`),
      p(`No referrals${where} in the year to ${longDate(asOf)}, so there is no network to find bottlenecks in.`));
    return;
  }
  const cut = result.brokerCut;
  const routes = result.entryRoutes.filter((r) => r.mainBroker && r.peopleToHealth > 0);
  const mostly = routes.filter((r) => share(r) > 0.5).sort((a, b) => share(b) - share(a));
  const sole = result.entryRoutes.filter((r) => r.status === 'sole_bridge');

  replace(content,
    heading(2, 'l', `The year to ${longDate(asOf)}${where}`),
    p(`Referral network: ${num(g.nodes)} organisations, services and practitioners, ${num(g.edges)} referral links and ${num(g.referrals)} referrals.`),

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
    sortableTable({ id: 'measures-table', caption: 'Node measures', rows: result.nodes, sortBy: 3, limit: 25, small: true,
      columns: [
        { label: 'Name', value: (r) => r.node.name, render: (r) => nodeLink(r.node, link) },
        { label: 'Kind', value: (r) => kindLabel(r.node.kind), render: (r) => capital(kindLabel(r.node.kind)) },
        { label: 'Sector', value: (r) => sectorLabel(r.node.sector) },
        { label: 'Betweenness', value: (r) => r.betweenness, numeric: true, render: (r) => measure(r.betweenness) },
        { label: 'Cut vertex', value: (r) => (r.articulationPoint ? 'Yes' : 'No') },
        { label: 'Brokerage', value: (r) => r.brokerage.total, numeric: true, render: (r) => num(r.brokerage.total) },
        { label: 'Liaison', value: (r) => r.brokerage.liaison, numeric: true, render: (r) => num(r.brokerage.liaison) },
        { label: 'Gatekeeper', value: (r) => r.brokerage.gatekeeper, numeric: true, render: (r) => num(r.brokerage.gatekeeper) },
        { label: 'Constraint', value: (r) => r.constraint, numeric: true, render: (r) => (r.constraint === null ? '–' : num(r.constraint, 2)) },
        { label: 'Referrals', value: (r) => approx(r.referralsIn) + approx(r.referralsOut), numeric: true,
          render: (r) => num(sumCounts([r.referralsIn, r.referralsOut])) },
        { label: 'Per FTE', value: (r) => r.referralsPerFte, numeric: true, render: (r) => (r.referralsPerFte === null ? '–' : rateNum(r.referralsPerFte, 0)) },
      ] }),

    heading(2, 'm', 'Bridges', { id: 'bridges' }),
    p('Referral links whose loss would split the network in two.'),
    sortableTable({ id: 'bridges-table', caption: 'Bridges', rows: result.bridges, limit: 15, empty: 'No single link holds the network together.',
      columns: [
        { label: 'One end', value: (r) => r.a.name, render: (r) => nodeLink(r.a, link) },
        { label: 'Other end', value: (r) => r.b.name, render: (r) => nodeLink(r.b, link) },
      ] }));
});
