// Overview: the headline numbers as of a day, each against the same day a year before (GET /api/summary).

import { getJson } from './api.js';
import { h, p, replace, heading } from './dom.js';
import { count, gbp, isSuppressed, longDate, num, pct, todayIso } from './format.js';
import { href, showDefaultDate, startPage, status } from './page.js';

const BOROUGH_COUNT = 33;

/** "up 5 from 17" / "down £10,000 from £…" / "no change" against a year before. */
function change(now, before, { format = num, unit = '' } = {}) {
  if (isSuppressed(now) || isSuppressed(before)) return 'not comparable: fewer than 8 people on one of the days';
  if (before === null || before === undefined || now === null || now === undefined) return 'no figure a year before';
  const diff = now - before;
  const same = Math.abs(diff) < 1e-9;
  if (same) return `the same as a year before (${format(before)}${unit})`;
  return `${diff > 0 ? 'up' : 'down'} ${format(Math.abs(diff))}${unit} from ${format(before)}${unit} a year before`;
}

/** Change of a rate in percentage points. */
function rateChange(now, before) {
  if (isSuppressed(now) || isSuppressed(before)) return 'not comparable: a rate built on fewer than 8 people is not shown';
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

function cards(s, b, asOf) {
  const links = (path, text, extra = {}) => ({ href: href(path, { asOf, ...extra }), text });
  const noReferrals = s.resolved === 0 && s.criminalJusticeToHealth === 0 && s.peopleBetweenTwoStools === 0 && s.peopleUnserved === 0;
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
      value: num(s.holes),
      text: `${count(s.holes, 'borough-and-setting pair', 'borough-and-setting pairs')} (say, Lambeth's probation office) had nobody placed, and another ${num(s.fragile)} hung on one practitioner or one funder (fragile).`,
      changeText: `No cover: ${change(s.holes, b.holes)}. Fragile: ${change(s.fragile, b.fragile)}.`,
      link: links('/coverage.html', 'Which places have no cover'),
    }),
    card({
      label: 'Funding active',
      value: gbp(s.fundingActiveGbp),
      text: `Funding for practitioners and their managers active on ${longDate(s.asOf)}.`,
      changeText: `That is ${change(s.fundingActiveGbp, b.fundingActiveGbp, { format: gbp })}.`,
      link: { href: href('/planner.html', { asOf }), text: 'If one funder withdrew' },
    }),
    card({
      label: 'Between two stools',
      value: count(s.peopleBetweenTwoStools, 'person', 'people'),
      text: `${count(s.peopleBetweenTwoStools, 'person', 'people')} seen in the year had a mix of needs that no single local service would take without excluding another. Another ${count(s.peopleUnserved, 'person', 'people')} had a need no local service accepts at all.`,
      changeText: `Between two stools: ${change(s.peopleBetweenTwoStools, b.peopleBetweenTwoStools)}. No service: ${change(s.peopleUnserved, b.peopleUnserved)}.`,
      link: links('/gaps.html', 'Who falls between services'),
    }),
    card({
      label: 'Dead ends',
      value: pct(s.deadEndRate),
      text: s.resolved
        ? `${num(s.deadEnds)} of ${num(s.resolved)} people whose last referral was over 90 days old ended declined, unanswered or withdrawn, with nothing accepted after.`
        : `No referrals in the year to ${longDate(s.asOf)} are old enough to tell.`,
      changeText: `That is ${rateChange(s.deadEndRate, b.deadEndRate)}.`,
      link: links('/gaps.html', 'Where chains dead-end'),
    }),
    card({
      label: 'Criminal justice to health: lost',
      value: s.criminalJusticeToHealth ? pct(s.criminalJusticeToHealthLoss) : '–',
      text: s.criminalJusticeToHealth
        ? `Of ${count(s.criminalJusticeToHealth, 'referral', 'referrals')} in the year straight from criminal justice to health, this share of those answered was declined, unanswered or withdrawn.`
        : `No referrals from criminal justice to health in the year to ${longDate(s.asOf)}.`,
      changeText: `That is ${rateChange(s.criminalJusticeToHealthLoss, b.criminalJusticeToHealthLoss)}.`,
      link: links('/gaps.html', 'Hand-offs that lose people'),
    }),
    card({
      label: 'Brokered or direct to health',
      value: s.brokeredAcceptance !== null || s.directAcceptance !== null
        ? (isSuppressed(s.brokeredAcceptance) || isSuppressed(s.directAcceptance) ? 'Not shown' : `${pct(s.brokeredAcceptance)} v ${pct(s.directAcceptance)}`)
        : '–',
      text: s.brokeredAcceptance !== null || s.directAcceptance !== null
        ? `Health accepted ${pct(s.brokeredAcceptance)} of referrals made through a voluntary-sector broker, against ${pct(s.directAcceptance)} of those sent straight from criminal justice. An association, not proof of cause.`
        : `No hand-offs from criminal justice to health in the year to ${longDate(s.asOf)}.`,
      changeText: s.brokeredAcceptance !== null && b.brokeredAcceptance !== null
        ? `Brokered: ${rateChange(s.brokeredAcceptance, b.brokeredAcceptance)}.`
        : null,
      link: links('/bottlenecks.html', 'Who carries people to health'),
    }),
  ];
  return [
    noReferrals ? h('div', { class: 'govuk-inset-text' }, `No referrals in the year to ${longDate(s.asOf)}: the figures about people and referrals are empty. Cover and funding are still shown.`) : null,
    h('ul', { class: 'bm-cards', id: 'headlines' }, list),
  ];
}

/** Police custody suites and courts: where Liaison and Diversion services work. */
const ENTRY_KINDS = ['police_custody', 'magistrates_court', 'crown_court'];

/**
 * "Does every court and custody suite have Liaison and Diversion cover?", answered from the coverage analysis on
 * the day asked for, or today: how many police custody suites and courts have a practitioner placed.
 */
function liaisonAndDiversion(coverage) {
  const entry = new Set(coverage.cells.filter((c) => ENTRY_KINDS.includes(c.kind)).flatMap((c) => c.settings.map((s) => s.id)));
  const without = coverage.settingsWithoutCover.length;
  const total = entry.size;
  const day = longDate(coverage.asOf);
  const answer = !total
    ? `No police custody suite or court is in the data on ${day}.`
    : without === 0
      ? `Yes: on ${day} every one of the ${num(total)} police custody suites and courts had a practitioner placed.`
      : `No: on ${day} ${num(total - without)} of the ${num(total)} police custody suites and courts had a practitioner placed; ${count(without, 'had', 'had')} nobody.`;
  return h('li', { id: 'example-liaison-diversion' },
    h('a', { class: 'govuk-link', href: href('/coverage.html', { asOf: coverage.asOf, kind: 'police_custody' }) },
      'Does every court and custody suite have Liaison and Diversion cover?'),
    h('span', { class: 'govuk-body bm-question-answer', id: 'liaison-diversion-answer' }, ` ${answer}`));
}

function questions(asOf, coverage) {
  return h('div', { class: 'bm-questions', id: 'examples' },
    heading(2, 'm', 'Questions you can answer here'),
    h('ul', { class: 'govuk-list govuk-list--spaced' },
      liaisonAndDiversion(coverage),
      h('li', {}, h('a', { class: 'govuk-link', href: href('/coverage.html', { asOf: '2009-06-30', kind: 'magistrates_court' }) },
        "Which boroughs had no magistrates' court cover in 2009?")),
      h('li', {}, h('a', { class: 'govuk-link', href: href('/bottlenecks.html', { asOf: '2014-06-30', borough: 'E09000022' }) },
        'Who was the only bridge to health in Lambeth in 2014?')),
      h('li', {}, h('a', { class: 'govuk-link', href: href('/gaps.html', { asOf }) },
        'Which people have needs no single service will take?')),
      h('li', {}, h('a', { class: 'govuk-link', id: 'example-research',
        href: '/research.html?need=psychosis&need=substance_misuse&financialYear=2013%2F14' },
        'What pathways do people with psychosis and substance misuse take, and how long does each step take?')),
      h('li', {}, h('a', { class: 'govuk-link', href: href('/network.html', { asOf, node: 'fmhp-lam-05' }) },
        'Whom does a forensic mental health practitioner refer people to?')),
      h('li', {}, h('a', { class: 'govuk-link', id: 'example-planner', href: href('/planner.html', { withdraw: 'fund-nhse', asOf: '2014-06-30' }) },
        'What court and custody cover would disappear if NHS England withdrew its funding in 2014 — and where would 3 new posts help most?')),
      h('li', {}, h('a', { class: 'govuk-link', href: href('/timeline.html', { asOf }) },
        'How has cover grown, and who has paid for it, since 1993?'))));
}

startPage(async (state, isCurrent) => {
  const content = document.getElementById('content');
  status(state.asOf ? `Loading the figures for ${longDate(state.asOf)}…` : 'Loading the latest figures…');
  const [summary, coverage] = await Promise.all([getJson('/api/summary', { asOf: state.asOf }),
    getJson('/api/analysis/coverage', { asOf: state.asOf || todayIso() })]);
  if (!isCurrent()) return;
  const now = summary.current;
  const before = summary.yearBefore;
  showDefaultDate(now.asOf);
  status('');
  replace(content,
    questions(state.asOf, coverage),
    heading(2, 'l', `On ${longDate(now.asOf)}`, { id: 'as-of-heading' }),
    p(`Each figure is compared with ${longDate(before.asOf)}. Referral figures count the year up to the date.`),
    cards(now, before, state.asOf));
});
