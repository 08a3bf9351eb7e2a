// Overview: the headline numbers as of a day, each against the same day a year before.

import { getJson } from './api.js';
import { h, p, replace, heading } from './dom.js';
import { count, gbp, longDate, num, pct, yearBefore } from './format.js';
import { href, showDefaultDate, startPage, status } from './page.js';

const BOROUGH_COUNT = 33;

/** Everything the cards need for one day. */
async function headline(asOf) {
  const coverage = await getJson('/api/analysis/coverage', { asOf });
  const day = coverage.asOf;
  const [gaps, outcomes] = await Promise.all([
    getJson('/api/analysis/gaps', { asOf: day }),
    getJson('/api/analysis/outcomes', { asOf: day }),
  ]);
  const conflicts = gaps.exclusionConflicts.conflicts;
  const stools = conflicts.filter((c) => c.status === 'split' && c.blockedNeeds.length > 0);
  const unserved = conflicts.filter((c) => c.status === 'unserved');
  const cjHealth = gaps.handOffLoss.handOffs.find((x) => x.from === 'criminal_justice' && x.to === 'health') || null;
  const pair = outcomes.pairs.find((x) => x.from === 'criminal_justice' && x.to === 'health') || null;
  return {
    asOf: day,
    summary: coverage.summary,
    stoolsPeople: stools.reduce((sum, c) => sum + c.cases, 0),
    stoolsSets: stools.length,
    unservedPeople: unserved.reduce((sum, c) => sum + c.cases, 0),
    deadEnds: gaps.deadEnds,
    cjHealth,
    pair,
  };
}

/** "up 5 from 17" / "down £10,000 from £…" / "no change" against a year before. */
function change(now, before, { format = num, unit = '' } = {}) {
  if (before === null || before === undefined || now === null || now === undefined) return 'no figure a year before';
  const diff = now - before;
  const same = Math.abs(diff) < 1e-9;
  if (same) return `the same as a year before (${format(before)}${unit})`;
  return `${diff > 0 ? 'up' : 'down'} ${format(Math.abs(diff))}${unit} from ${format(before)}${unit} a year before`;
}

/** Change of a rate in percentage points. */
function rateChange(now, before) {
  if (now === null || before === null || now === undefined || before === undefined) return 'no rate a year before';
  const points = (now - before) * 100;
  if (Math.abs(points) < 0.05) return `the same as a year before (${pct(before)})`;
  return `${points > 0 ? 'up' : 'down'} ${num(Math.abs(points), 1)} percentage points from ${pct(before)} a year before`;
}

function card({ label, value, text, changeText, link }) {
  return h('li', { class: 'bm-card' },
    h('h3', { class: 'bm-card__label' }, label),
    h('span', { class: 'bm-card__value' }, value),
    h('p', { class: 'govuk-body bm-card__text' }, text),
    changeText ? h('p', { class: 'govuk-body-s bm-card__change' }, changeText) : null,
    link ? h('a', { class: 'govuk-link govuk-body-s', href: link.href }, link.text) : null);
}

function cards(now, before, asOf) {
  const s = now.summary;
  const b = before.summary;
  const links = (path, text, extra = {}) => ({ href: href(path, { asOf, ...extra }), text });
  const noReferrals = now.deadEnds.cases === 0 && !now.cjHealth;
  const list = [
    card({
      label: 'Boroughs with some cover',
      value: `${num(s.boroughsWithCover)} of ${BOROUGH_COUNT}`,
      text: `${num(s.boroughsWithCover)} London boroughs had a mental-health practitioner placed in at least one police custody suite, court, probation office or prison.`,
      changeText: `That is ${change(s.boroughsWithCover, b.boroughsWithCover)}.`,
      link: links('/coverage.html', 'See the coverage map'),
    }),
    card({
      label: 'Practitioners placed',
      value: num(s.practitionersPlaced),
      text: `${count(s.practitionersPlaced, 'practitioner was', 'practitioners were')} in post and placed, ${num(s.fte, 1)} full-time equivalent.`,
      changeText: `That is ${change(s.practitionersPlaced, b.practitionersPlaced)}; FTE ${change(s.fte, b.fte, { format: (x) => num(x, 1) })}.`,
      link: links('/coverage.html', 'Where they are placed'),
    }),
    card({
      label: 'Places with no cover',
      value: `${num(s.holes)} of ${num(s.cells)}`,
      text: `Of ${num(s.cells)} borough-and-setting pairs (say, Lambeth's probation office), ${num(s.holes)} had nobody placed and ${num(s.fragile)} hung on one practitioner or one funder (fragile).`,
      changeText: `No cover: ${change(s.holes, b.holes)}. Fragile: ${change(s.fragile, b.fragile)}.`,
      link: links('/coverage.html', 'Which places have no cover'),
    }),
    card({
      label: 'Funding active',
      value: gbp(s.fundingActiveGbp),
      text: `Funding for practitioners and their managers active on ${longDate(now.asOf)}.`,
      changeText: `That is ${change(s.fundingActiveGbp, b.fundingActiveGbp, { format: gbp })}.`,
      link: links('/coverage.html', 'If one funder withdrew'),
    }),
    card({
      label: 'Between two stools',
      value: count(now.stoolsPeople, 'person', 'people'),
      text: `${count(now.stoolsPeople, 'person', 'people')} seen in the year had a mix of needs that no single local service would take without excluding another (${count(now.stoolsSets, 'combination', 'combinations')}). Another ${count(now.unservedPeople, 'person', 'people')} had a need no local service accepts at all.`,
      changeText: `Between two stools: ${change(now.stoolsPeople, before.stoolsPeople)}. No service: ${change(now.unservedPeople, before.unservedPeople)}.`,
      link: links('/gaps.html', 'Who falls between services'),
    }),
    card({
      label: 'Dead ends',
      value: pct(now.deadEnds.rate),
      text: now.deadEnds.resolved
        ? `${num(now.deadEnds.deadEnds)} of ${num(now.deadEnds.resolved)} people whose last referral was over 90 days old ended declined, unanswered or withdrawn, with nothing accepted after.`
        : `No referrals in the year to ${longDate(now.asOf)} are old enough to tell.`,
      changeText: `That is ${rateChange(now.deadEnds.rate, before.deadEnds.rate)}.`,
      link: links('/gaps.html', 'Where chains dead-end'),
    }),
    card({
      label: 'Criminal justice to health: lost',
      value: now.cjHealth ? pct(now.cjHealth.loss) : '–',
      text: now.cjHealth
        ? `${num(now.cjHealth.lost)} of ${num(now.cjHealth.total - now.cjHealth.pending)} answered referrals straight from criminal justice to health were declined, unanswered or withdrawn.`
        : `No referrals from criminal justice to health in the year to ${longDate(now.asOf)}.`,
      changeText: `That is ${rateChange(now.cjHealth?.loss ?? null, before.cjHealth?.loss ?? null)}.`,
      link: links('/gaps.html', 'Hand-offs that lose people'),
    }),
    card({
      label: 'Brokered or direct to health',
      value: now.pair ? `${pct(now.pair.brokered.acceptance?.estimate)} v ${pct(now.pair.direct.acceptance?.estimate)}` : '–',
      text: now.pair && (now.pair.brokered.handOffs || now.pair.direct.handOffs)
        ? `Health accepted ${pct(now.pair.brokered.acceptance?.estimate)} of referrals made through a voluntary-sector broker (${num(now.pair.brokered.handOffs)}), against ${pct(now.pair.direct.acceptance?.estimate)} of those sent straight from criminal justice (${num(now.pair.direct.handOffs)}). An association, not proof of cause.`
        : `No hand-offs from criminal justice to health in the year to ${longDate(now.asOf)}.`,
      changeText: now.pair && before.pair
        ? `Brokered: ${rateChange(now.pair.brokered.acceptance?.estimate ?? null, before.pair.brokered.acceptance?.estimate ?? null)}.`
        : null,
      link: links('/bottlenecks.html', 'Who carries people to health'),
    }),
  ];
  return [
    noReferrals ? h('div', { class: 'govuk-inset-text' }, `No referrals in the year to ${longDate(now.asOf)}: the figures about people and referrals are empty. Cover and funding are still shown.`) : null,
    h('ul', { class: 'bm-cards', id: 'headlines' }, list),
  ];
}

function questions(asOf) {
  return h('div', { class: 'bm-questions', id: 'examples' },
    heading(2, 'm', 'Questions you can answer here'),
    h('ul', { class: 'govuk-list govuk-list--spaced' },
      h('li', {}, h('a', { class: 'govuk-link', href: href('/coverage.html', { asOf: '2009-06-30', kind: 'magistrates_court' }) },
        "Which boroughs had no magistrates' court cover in 2009?")),
      h('li', {}, h('a', { class: 'govuk-link', href: href('/bottlenecks.html', { asOf: '2014-06-30', borough: 'E09000022' }) },
        'Who was the only bridge to health in Lambeth in 2014?')),
      h('li', {}, h('a', { class: 'govuk-link', href: href('/gaps.html', { asOf }) },
        'Which people have needs no single service will take?')),
      h('li', {}, h('a', { class: 'govuk-link', href: href('/network.html', { asOf, node: 'fmhp-lam-05' }) },
        'Whom does a forensic mental health practitioner refer people to?'))));
}

startPage(async (state, isCurrent) => {
  const content = document.getElementById('content');
  status(state.asOf ? `Loading the figures for ${longDate(state.asOf)}…` : 'Loading the latest figures…');
  const now = await headline(state.asOf);
  const before = await headline(yearBefore(now.asOf));
  if (!isCurrent()) return;
  showDefaultDate(now.asOf);
  status('');
  replace(content,
    questions(state.asOf),
    heading(2, 'l', `On ${longDate(now.asOf)}`, { id: 'as-of-heading' }),
    p(`Each figure is compared with ${longDate(before.asOf)}. Referral figures count the year up to the date.`),
    cards(now, before, state.asOf));
});
