// Research: a cohort's pathways (GET /api/research/pathways) as a sentence, a stepped picture and a table of the same
// figures; one cohort against another (GET /api/research/compare); the question as CSV or GraphML. The question lives
// in the URL under the API's own parameter names (need=…&need=…&match=…&financialYear=…, versus.need=… for the
// second cohort), so that a question is a link.

import { boroughs, download, getJson } from './api.js';
import { h, heading, onThisPage, p, replace } from './dom.js';
import { FEWER_THAN_8, NOT_SHOWN, approx, capital, count, isSuppressed, longDate, needLabel, num, pct } from './format.js';
import { clearError, dataSpan, fillBoroughSelect, followUrl, handleProblem, markField, showErrors, startPage, status } from './page.js';

/** The fields of a cohort besides its needs, as the API names them. */
const COHORT_FIELDS = ['match', 'borough', 'entry', 'ageBand', 'gender', 'financialYear', 'year', 'from', 'to'];
/** The second cohort's own fields in the comparison form; what it leaves empty is the first cohort's. */
const VERSUS_SELECTS = ['borough', 'entry', 'ageBand', 'gender', 'financialYear'];
const DEFAULT_LEVEL = 'kind';
const DEFAULT_TOP = '10';
const OTHER = 'other pathways';
/** How a spread of days reads when disclosure control withholds it. */
const DAYS_NOT_SHOWN = 'not shown (fewer than 10 people)';

const ENTRY_WORDS = {
  police_custody: 'in police custody', magistrates_court: "at a magistrates' court", crown_court: 'at the Crown Court',
  probation_office: 'at a probation office', prison: 'in prison',
};
const AGE_WORDS = { under_18: 'aged under 18', unknown: 'of unrecorded age' };
const PEOPLE_WORDS = {
  '': ['person', 'people'], female: ['woman', 'women'], male: ['man', 'men'],
  other: ['person of another gender', 'people of another gender'], unknown: ['person of unrecorded gender', 'people of unrecorded gender'],
};

let boroughNames = new Map();

// ---- The question in the URL ----

/** The question the URL asks: the first cohort, the level and top, the second cohort (null without versus.*). */
function readQuestion() {
  const params = new URLSearchParams(window.location.search);
  const one = (key) => (params.get(key) || '').trim();
  const cohort = (prefix) => ({
    needs: [...new Set([...params.getAll(`${prefix}need`), ...params.getAll(`${prefix}needs`)]
      .flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean))],
    ...Object.fromEntries(COHORT_FIELDS.map((key) => [key, one(prefix + key)])),
  });
  const compared = [...params.keys()].some((key) => key.startsWith('versus.'));
  return { first: cohort(''), level: one('level'), top: one('top'), versus: compared ? cohort('versus.') : null, asOf: one('asOf') };
}

function addCohort(query, prefix, cohort) {
  cohort.needs.forEach((need) => query.append(`${prefix}need`, need));
  for (const key of COHORT_FIELDS) {
    if (cohort[key] && !(prefix === '' && key === 'match' && cohort[key] === 'all')) query.set(prefix + key, cohort[key]);
  }
}

/** The page's own URL for a question: need repeated, defaults left out, the date other pages carry kept. */
function pageUrl(question) {
  const query = new URLSearchParams();
  addCohort(query, '', question.first);
  if (question.level && question.level !== DEFAULT_LEVEL) query.set('level', question.level);
  if (question.top && question.top !== DEFAULT_TOP) query.set('top', question.top);
  if (question.versus) addCohort(query, 'versus.', question.versus);
  if (question.asOf) query.set('asOf', question.asOf);
  const qs = query.toString();
  return qs ? `${window.location.pathname}?${qs}` : window.location.pathname;
}

/** The API's parameters for a cohort (needs joined by commas, which the API also reads), each named prefix + name. */
function apiCohort(cohort, prefix = '') {
  const params = { [`${prefix}need`]: cohort.needs.join(',') };
  for (const key of COHORT_FIELDS) params[prefix + key] = cohort[key];
  return params;
}

const pathwaysParams = (question) => ({ ...apiCohort(question.first), level: question.level, top: question.top });
const compareParams = (question) => ({ ...apiCohort(question.first), ...apiCohort(question.versus, 'versus.') });

/** The URL the page last showed, so that going back and forward follows the URL. */
let shown = window.location.search;

/** The heading to move focus to once the page has answered the question just asked (by id), or null. */
let focusAfter = null;

/** Asks a question: its URL becomes a step in the history, then the page answers it and `focus` takes the focus. */
function ask(question, focus) {
  const url = pageUrl(question);
  if (url === window.location.pathname + window.location.search) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  shown = window.location.search;
  focusAfter = focus;
  followUrl();
}

// ---- The cohort form ----

/** "2013/14" for the financial year that starts in April of `year`. */
const financialYear = (year) => `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
/** The financial year a day falls in, by the year it starts. */
const startOfYear = (iso) => {
  const [y, m] = iso.split('-').map(Number);
  return m >= 4 ? y : y - 1;
};

/** The need checkboxes (once) and the financial years the data covers, latest first. */
function prepareForm(words, question) {
  const list = document.getElementById('need-list');
  if (!list.dataset.filled) {
    replace(list, needBoxes(words.needs, 'need', 'need'));
    list.dataset.filled = 'yes';
  }
  const select = document.getElementById('financialYear');
  if (!select.dataset.filled) {
    const span = dataSpan();
    const latest = span.latest || span.earliest;
    const options = [];
    for (let year = startOfYear(latest); year >= startOfYear(span.earliest); year -= 1) {
      const start = `${year}-04-01`;
      const end = `${year + 1}-03-31`;
      const part = latest < end ? ` (to ${longDate(latest)})` : start < span.earliest ? ` (from ${longDate(span.earliest)})` : '';
      options.push(h('option', { value: financialYear(year) }, `${financialYear(year)}${part}`));
    }
    replace(select, options);
    select.dataset.filled = 'yes';
    // Without a period the API takes the last financial year the data reaches; the select says which that is.
    const [y, m] = latest.split('-').map(Number);
    select.dataset.default = financialYear(m >= 4 ? y - 1 : y - 2);
  }
  const period = ['year', 'from', 'to'].filter((key) => question.first[key]);
  select.querySelector('option[value="custom"]')?.remove();
  if (!question.first.financialYear && period.length) {
    const c = question.first;
    const said = c.year ? `the year ${c.year}` : `${c.from ? longDate(c.from) || c.from : '…'} to ${c.to ? longDate(c.to) || c.to : '…'}`;
    select.prepend(h('option', { value: 'custom' }, `${capital(said)} (from the link)`));
  }
}

function needBoxes(needs, name, id) {
  return needs.map((need, i) => {
    const boxId = i === 0 ? id : `${id}-${i + 1}`;
    return h('div', { class: 'govuk-checkboxes__item' },
      h('input', { class: 'govuk-checkboxes__input', id: boxId, name, type: 'checkbox', value: need.id }),
      h('label', { class: 'govuk-label govuk-checkboxes__label', for: boxId }, need.name));
  });
}

/** Puts a select's value, adding an option for a value it does not list (from a hand-made link). */
function setSelect(select, value) {
  if (!select) return;
  if (value && ![...select.options].some((o) => o.value === value)) select.append(h('option', { value }, value));
  select.value = value;
}

/** The question's values in the cohort form. */
function showQuestion(question) {
  const form = document.getElementById('cohort');
  const c = question.first;
  form.querySelectorAll('input[name="need"]').forEach((box) => { box.checked = c.needs.includes(box.value); });
  const match = form.querySelector(`input[name="match"][value="${['any', 'exactly'].includes(c.match) ? c.match : 'all'}"]`);
  match.checked = true;
  for (const key of ['borough', 'entry', 'ageBand', 'gender']) setSelect(document.getElementById(key), c[key]);
  const year = document.getElementById('financialYear');
  if (c.financialYear) setSelect(year, c.financialYear);
  else year.value = year.querySelector('option[value="custom"]') ? 'custom' : year.dataset.default;
  setSelect(document.getElementById('level'), question.level || DEFAULT_LEVEL);
  document.getElementById('top').value = question.top || DEFAULT_TOP;
}

/** The question the cohort form holds; the second cohort and the date stay as the URL has them. */
function questionFromForm(form, now) {
  const data = new FormData(form);
  const value = (key) => String(data.get(key) || '').trim();
  const first = { needs: data.getAll('need').map(String), ...Object.fromEntries(COHORT_FIELDS.map((key) => [key, value(key)])) };
  if (first.financialYear === 'custom') {
    first.financialYear = '';
    for (const key of ['year', 'from', 'to']) first[key] = now.first[key];
  }
  return { ...now, first, level: value('level'), top: value('top') };
}

// ---- Problems ----

/** An API problem: a refused level, or a field the API names, goes into the error summary linked to its field. */
function problem(error, question) {
  if (error && error.status === 403 && question.level === 'service') {
    showErrors([{ text: error.detail, href: '#level' }]);
    markField('level', error.detail);
    return;
  }
  if (!error || error.status === 401 || error.status === 403 || !error.parameter) {
    handleProblem(error);
    return;
  }
  const id = error.parameter.replace('.', '-');
  const field = document.getElementById(id);
  showErrors([{ text: error.detail, href: field ? `#${id}` : null }]);
  if (!field) return;
  if (field.type === 'checkbox' || field.type === 'radio') markGroup(field.closest('.govuk-form-group'), id, error.detail);
  else markField(id, error.detail);
}

/** A group of checkboxes or radios in error (GOV.UK: the message under the legend). */
function markGroup(group, id, detail) {
  if (!group) return;
  group.classList.add('govuk-form-group--error');
  const message = h('p', { class: 'govuk-error-message', id: `${id}-error` }, h('span', { class: 'govuk-visually-hidden' }, 'Error: '), detail);
  const legend = group.querySelector('legend');
  const hint = legend && legend.nextElementSibling && legend.nextElementSibling.classList.contains('govuk-hint') ? legend.nextElementSibling : null;
  (hint || legend || group.firstElementChild).after(message);
}

// ---- Words ----

/** "a, b and c". */
function listWords(items, last) {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

/** Who a cohort is: "people of Lambeth aged 18 to 24 with psychosis and substance (drug) misuse", singular for one. */
function who(cohort, people) {
  const nouns = PEOPLE_WORDS[cohort.gender || ''] || PEOPLE_WORDS[''];
  const parts = [people === 1 ? nouns[0] : nouns[1]];
  if (cohort.boroughId) parts.push(`of ${boroughNames.get(cohort.boroughId) || cohort.boroughId}`);
  if (cohort.ageBand) parts.push(AGE_WORDS[cohort.ageBand] || `aged ${cohort.ageBand.replace('-', ' to ').replace(/\+$/, ' and over')}`);
  const needs = (cohort.needs || []).map(needLabel);
  if (cohort.match === 'exactly') {
    parts.push(needs.length ? `with ${listWords(needs, 'and')} and no other recorded need` : 'with no recorded need');
  } else if (needs.length) {
    parts.push(`with ${listWords(needs, cohort.match === 'any' ? 'or' : 'and')}`);
  }
  return parts.join(' ');
}

/** "in 2013/14", "in 2013" or "from 1 May 2013 to 30 June 2013". */
function periodWords(cohort) {
  const { from, to } = cohort;
  const y = Number(from.slice(0, 4));
  if (from.endsWith('-04-01') && to === `${y + 1}-03-31`) return `in ${financialYear(y)}`;
  if (from.endsWith('-01-01') && to === `${y}-12-31`) return `in ${y}`;
  return `from ${longDate(from)} to ${longDate(to)}`;
}

/** "People with psychosis, entering at a magistrates' court, 2013/14": a cohort's name, for headings and tables. */
const cohortName = (cohort) => `${capital(who(cohort))}${cohort.entryKind ? `, entering ${ENTRY_WORDS[cohort.entryKind] || cohort.entryKind}` : ''}, ${periodWords(cohort).replace(/^in /, '')}`;

const peopleWords = (n) => count(n, 'person', 'people');

function outcomeWords(row) {
  return `${num(row.engaged)} engaged, ${count(row.deadEnds, 'dead end', 'dead ends')}, ${num(row.open)} still open`;
}

/** A median and quartiles of days: "16 days (10 to 21)"; in words when withheld. */
function daysWords(days) {
  if (isSuppressed(days)) return DAYS_NOT_SHOWN;
  if (!days || days.median === null || days.median === undefined) return '–';
  return `${num(days.median)} ${days.median === 1 ? 'day' : 'days'} (${num(days.lower)} to ${num(days.upper)})`;
}

const stepsText = (row) => row.steps.join(' → ');
const isOther = (row) => row.steps.length === 1 && row.steps[0] === OTHER;

/** The days of the step into steps[i] (i ≥ 2: the first referral is the entry itself), or null. */
function stepDays(row, i) {
  const step = row.stepDays[i - 2];
  return step && step.from === row.steps[i - 1] && step.to === row.steps[i] ? step.days : null;
}

// ---- The answer ----

function sentence(answer) {
  const c = answer.cohort;
  const where = c.entryKind ? ` ${ENTRY_WORDS[c.entryKind] || c.entryKind}` : '';
  if (answer.people === 0) return `No ${who(c)} entered${where} ${periodWords(c)}.`;
  const entered = `${capital(num(answer.people))} ${who(c, answer.people)} entered${where} ${periodWords(c)}`;
  if (isSuppressed(answer.people)) return `${entered}: too few to show how their chains went.`;
  return `${entered}: ${num(answer.engaged)} engaged, ${count(answer.deadEnds, 'dead end', 'dead ends')}, ${num(answer.open)} still open.`;
}

function timing(answer) {
  const days = answer.daysToLastReferral;
  if (isSuppressed(days)) return `From entry to the last referral: ${DAYS_NOT_SHOWN}.`;
  if (!days || days.median === null || days.median === undefined) return null;
  return `From entry to the last referral took a median of ${num(days.median)} days (quartiles ${num(days.lower)} to ${num(days.upper)}).`;
}

const LEVEL_WORDS = { sector: 'sector', kind: 'kind of setting or service', service: 'named service' };

/** The stepped picture: a row per pathway type, its bar as long as its share of the cohort, its steps joined by arrows. */
function picture(answer) {
  const rows = answer.pathways;
  if (!rows.length) return p('No pathways to show: nobody in this cohort entered in the period.');
  const scale = Math.max(approx(answer.people), ...rows.map((row) => approx(row.people)), 1);
  return h('ol', { class: 'bm-pathways', id: 'pathway-picture' }, rows.map((row) => {
    const bar = h('span', { class: `bm-pathway__bar${isSuppressed(row.people) ? ' bm-pathway__bar--few' : ''}` });
    bar.style.width = `${Math.max(1, (100 * approx(row.people)) / scale).toFixed(1)}%`;
    return h('li', { class: `bm-pathway${isOther(row) ? ' bm-pathway--other' : ''}`, dataset: { steps: stepsText(row) } },
      h('span', { class: 'govuk-visually-hidden bm-pathway__said' }, `${stepsText(row)}: ${peopleWords(row.people)}; ${outcomeWords(row)}.`),
      h('div', { class: 'bm-pathway__people', 'aria-hidden': 'true' },
        h('span', { class: 'bm-pathway__track' }, bar),
        h('span', { class: 'bm-pathway__count' }, h('strong', {}, capital(peopleWords(row.people))), ` — ${outcomeWords(row)}`)),
      h('div', { class: 'bm-pathway__steps', 'aria-hidden': 'true' }, row.steps.map((step, i) => {
        const box = h('span', { class: `bm-step${i === 0 && !isOther(row) ? ' bm-step--entry' : ''}${step === 'further steps' ? ' bm-step--more' : ''}` }, step);
        if (i === 0) return box;
        const days = stepDays(row, i);
        const label = days && !isSuppressed(days) && days.median !== null ? `${num(days.median)} ${days.median === 1 ? 'day' : 'days'}` : '';
        return h('span', { class: 'bm-hop' }, h('span', { class: 'bm-arrow' }, h('span', { class: 'bm-arrow__days' }, label), '→'), box);
      })));
  }));
}

function pathwayTable(answer) {
  const cell = (content, numeric) => h('td', { class: `govuk-table__cell${numeric ? ' govuk-table__cell--numeric' : ''}` }, content);
  const head = ['Pathway', 'People', 'Engaged', 'Dead ends', 'Still open', 'Days per step: median (quartiles)', 'Entry to last referral: median days (quartiles)'];
  const rows = answer.pathways.map((row) => h('tr', { class: 'govuk-table__row' },
    h('th', { scope: 'row', class: 'govuk-table__header bm-row-header' }, stepsText(row)),
    cell(num(row.people), true), cell(num(row.engaged), true), cell(num(row.deadEnds), true), cell(num(row.open), true),
    cell(row.stepDays.length
      ? h('ul', { class: 'govuk-list bm-days' }, row.stepDays.map((s) => h('li', {}, `${s.from} → ${s.to}: ${daysWords(s.days)}`)))
      : '–'),
    cell(isOther(row) ? '–' : daysWords(row.daysToLastReferral))));
  const total = h('tr', { class: 'govuk-table__row bm-total' },
    h('th', { scope: 'row', class: 'govuk-table__header' }, 'Everyone in the cohort'),
    cell(num(answer.people), true), cell(num(answer.engaged), true), cell(num(answer.deadEnds), true), cell(num(answer.open), true),
    cell('–'), cell(daysWords(answer.daysToLastReferral)));
  const table = h('table', { class: 'govuk-table bm-table bm-table--small', id: 'pathway-table' },
    h('caption', { class: 'govuk-table__caption govuk-table__caption--s' }, 'Pathway types, most people first; “other pathways” gathers the rest'),
    h('thead', { class: 'govuk-table__head' }, h('tr', { class: 'govuk-table__row' },
      head.map((label, i) => h('th', { scope: 'col', class: `govuk-table__header${i >= 1 && i <= 4 ? ' govuk-table__header--numeric' : ''}` }, label)))),
    h('tbody', { class: 'govuk-table__body' }, rows), h('tfoot', {}, total));
  return h('div', { class: 'bm-table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Pathway types as a table' }, table);
}

// ---- The comparison ----

/** "39.1% (30.7% to 48.3%)"; in words when withheld or when no chain ended. */
function proportion(x) {
  if (isSuppressed(x)) return NOT_SHOWN;
  if (!x || x.estimate === null || x.estimate === undefined) return 'no ended chains';
  return `${pct(x.estimate)} (${pct(x.lower)} to ${pct(x.upper)})`;
}

const signed = (points) => `${points > 0 ? '+' : points < 0 ? '−' : ''}${num(Math.abs(points), 1)}`;

/** A difference of two proportions in percentage points with its interval. */
function difference(d) {
  if (isSuppressed(d)) return NOT_SHOWN;
  if (!d || d.estimate === null || d.estimate === undefined) return 'none: one side has no ended chains';
  return `${signed(d.estimate * 100)} percentage points (95% interval ${signed(d.lower * 100)} to ${signed(d.upper * 100)})`;
}

function comparisonTable(comparison) {
  const cell = (content, numeric) => h('td', { class: `govuk-table__cell${numeric ? ' govuk-table__cell--numeric' : ''}` }, content);
  const routes = [['all', 'All'], ['brokered', 'Brokered'], ['direct', 'Direct']];
  const body = [['first', 'First'], ['second', 'Second']].map(([side, label]) => h('tbody', { class: 'govuk-table__body', dataset: { side } },
    routes.map(([route, name], i) => {
      const o = comparison[side][route];
      return h('tr', { class: 'govuk-table__row' },
        i === 0 ? h('th', { scope: 'rowgroup', rowspan: '3', class: 'govuk-table__header bm-row-header' },
          h('strong', {}, `${label}: `), cohortName(comparison[side].cohort)) : null,
        h('th', { scope: 'row', class: 'govuk-table__header bm-row-header' }, name),
        cell(num(o.people), true), cell(num(o.engaged), true), cell(num(o.deadEnds), true), cell(num(o.open), true),
        cell(proportion(o.engagement)), cell(proportion(o.deadEndRate)));
    })));
  const head = ['Cohort', 'Entry', 'People', 'Engaged', 'Dead ends', 'Still open', 'Engagement (95% interval)', 'Dead-end rate (95% interval)'];
  return h('div', { class: 'bm-table-wrap', tabindex: '0', role: 'region', 'aria-label': 'The two cohorts compared' },
    h('table', { class: 'govuk-table bm-table bm-table--small', id: 'compare-table' },
      h('caption', { class: 'govuk-table__caption govuk-table__caption--s' }, 'How each cohort’s chains ended, all and by entry route'),
      h('thead', { class: 'govuk-table__head' }, h('tr', { class: 'govuk-table__row' },
        head.map((text, i) => h('th', { scope: 'col', class: `govuk-table__header${i >= 2 && i <= 5 ? ' govuk-table__header--numeric' : ''}` }, text)))),
      body));
}

function comparisonAnswer(comparison) {
  return h('div', { id: 'comparison' },
    h('div', { class: 'govuk-warning-text', id: 'caveat' },
      h('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
      h('strong', { class: 'govuk-warning-text__text' }, h('span', { class: 'govuk-visually-hidden' }, 'Warning: '),
        h('span', { id: 'caveat-text' }, comparison.caveat))),
    comparisonTable(comparison),
    heading(3, 's', 'Differences'),
    h('ul', { class: 'govuk-list govuk-list--bullet', id: 'compare-differences' },
      h('li', {}, `Engagement, first cohort minus second: ${difference(comparison.engagement)}.`),
      h('li', {}, `Dead-end rate, first cohort minus second: ${difference(comparison.deadEnds)}.`),
      h('li', {}, `Engagement, brokered minus direct entry: first cohort ${difference(comparison.first.brokeredMinusDirect)}; `
        + `second cohort ${difference(comparison.second.brokeredMinusDirect)}.`)),
    p('Brokered: the chain’s first referral went to a voluntary-sector broker (a forensic mental health practitioner, a support worker); '
      + 'direct: it went anywhere else. Engagement and the dead-end rate are shares of the chains that ended (engaged or dead end), '
      + 'with Wilson 95% intervals; differences have Newcombe’s 95% interval.'));
}

/** The second cohort's form: needs and match, and the fields that differ; empty means as in the first cohort. */
function versusForm(words, question) {
  const v = question.versus || { needs: [], match: '' };
  const radio = (value, label) => {
    const id = value ? `versus-match-${value}` : 'versus-match';
    return h('div', { class: 'govuk-radios__item' },
      h('input', { class: 'govuk-radios__input', id, name: 'versus.match', type: 'radio', value, checked: (v.match || '') === value }),
      h('label', { class: 'govuk-label govuk-radios__label', for: id }, label));
  };
  const selects = VERSUS_SELECTS.map((key) => {
    const source = document.getElementById(key);
    const label = source.labels[0]?.textContent || key;
    const select = h('select', { class: 'govuk-select', id: `versus-${key}`, name: `versus.${key}` },
      h('option', { value: '' }, 'As in the first cohort'),
      [...source.options].filter((o) => o.value && o.value !== 'custom').map((o) => h('option', { value: o.value }, o.textContent)));
    setSelect(select, v[key] || '');
    return h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label govuk-label--s', for: `versus-${key}` }, label), select);
  });
  const boxes = needBoxes(words.needs, 'versus.need', 'versus-need');
  boxes.forEach((item) => { const box = item.querySelector('input'); box.checked = v.needs.includes(box.value); });
  const form = h('form', { id: 'versus', class: 'bm-cohort', method: 'get', action: window.location.pathname, novalidate: true },
    heading(3, 's', 'The second cohort'),
    h('div', { class: 'govuk-form-group' }, h('fieldset', { class: 'govuk-fieldset', 'aria-describedby': 'versus-need-hint' },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, 'Needs'),
      h('div', { class: 'govuk-hint', id: 'versus-need-hint' }, 'Leave every need unticked to keep the first cohort’s needs.'),
      h('div', { class: 'govuk-checkboxes govuk-checkboxes--small bm-need-list', 'data-module': 'govuk-checkboxes' }, boxes))),
    h('div', { class: 'govuk-form-group' }, h('fieldset', { class: 'govuk-fieldset' },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, 'People with'),
      h('div', { class: 'govuk-radios govuk-radios--small govuk-radios--inline', 'data-module': 'govuk-radios' },
        radio('', 'as in the first cohort'), radio('all', 'all of the needs'), radio('any', 'any of them'), radio('exactly', 'exactly these needs')))),
    h('div', { class: 'bm-cohort__row' }, selects),
    h('div', { class: 'govuk-button-group' },
      h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button', id: 'versus-submit' }, 'Compare'),
      question.versus ? h('a', { class: 'govuk-link', id: 'versus-clear', href: pageUrl({ ...question, versus: null }),
        onClick: (event) => { event.preventDefault(); ask({ ...question, versus: null }, 'compare'); } }, 'Stop comparing') : null));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const value = (key) => String(data.get(`versus.${key}`) || '').trim();
    const versus = { needs: data.getAll('versus.need').map(String), ...Object.fromEntries(COHORT_FIELDS.map((key) => [key, value(key)])) };
    if (!versus.needs.length && COHORT_FIELDS.every((key) => !versus[key])) {
      clearError();
      const detail = 'Say how the second cohort differs: tick its needs, or choose how they match, a borough, an entry setting, an age band, a gender or a year';
      showErrors([{ text: detail, href: '#versus-need' }]);
      markGroup(form.querySelector('.govuk-form-group'), 'versus-need', detail);
      return;
    }
    ask({ ...question, versus }, 'compare');
  });
  return form;
}

// ---- Downloads ----

function downloads(question, compared) {
  const said = h('p', { class: 'govuk-body-s', id: 'download-status', role: 'status', 'aria-live': 'polite' });
  const button = (label, format, path, params) => h('button', {
    type: 'button', class: 'govuk-button govuk-button--secondary govuk-!-margin-right-2 govuk-!-margin-bottom-2', 'data-format': format,
    onClick: async () => {
      clearError();
      said.textContent = 'Preparing the file…';
      try {
        said.textContent = `Downloaded ${await download(path, { ...params, format: format.replace('compare-', '') })}.`;
      } catch (error) {
        said.textContent = '';
        handleProblem(error, () => {});
      }
    },
  }, label);
  return h('div', { class: 'bm-downloads', id: 'downloads' },
    heading(2, 'm', 'Download'),
    p('The same figures for R, Python or a spreadsheet (CSV tables: summary, pathways, days per step), and the pathway graph for '
      + 'Gephi (GraphML: steps as nodes, people as edge weights). A researcher’s files carry the same disclosure control as this page.'),
    h('div', { class: 'govuk-button-group' },
      button('Pathways as CSV (.zip)', 'csv', '/api/research/pathways', pathwaysParams(question)),
      button('Pathway graph as GraphML', 'graphml', '/api/research/pathways', pathwaysParams(question)),
      compared ? button('Comparison as CSV (.zip)', 'compare-csv', '/api/research/compare', compareParams(question)) : null),
    said);
}

// ---- The page ----

function answerSection(answer) {
  const c = answer.cohort;
  return [
    heading(2, 'l', cohortName(c), { id: 'answer-heading' }),
    p(h('span', { id: 'answer-sentence' }, sentence(answer))),
    timing(answer) ? p(timing(answer)) : null,
    p(`Steps are named by ${LEVEL_WORDS[answer.level] || answer.level}. Chains are judged as they stood on ${longDate(answer.dataEnd)}, the data’s last day: `
      + 'engaged when the last referral was accepted, a dead end when it was declined, unanswered or withdrawn (each at least 90 days old), '
      + 'still open otherwise.'),
    h('p', { class: 'govuk-body-s' }, `With a researcher’s token every count is under disclosure control — rounded, and “${FEWER_THAN_8}” for the smallest — `
      + 'so rows need not add up to the total; pathway types too small to show go into “other pathways”.'),
    onThisPage([['pathways', 'Top pathways'], ['pathway-figures', 'The same figures as a table'], ['compare', 'Compare with another cohort'],
      ['downloads', 'Download']]),
    heading(2, 'm', 'Top pathways', { id: 'pathways' }),
    p('Each row is a pathway type: where the chain entered, then where each referral went. The bar is its share of the cohort; '
      + 'the days on an arrow are the median the step took.'),
    picture(answer),
    heading(2, 'm', 'The same figures as a table', { id: 'pathway-figures' }),
    pathwayTable(answer),
  ];
}

startPage(async (state, isCurrent) => {
  const content = document.getElementById('content');
  const question = readQuestion();
  const [words, list] = await Promise.all([getJson('/api/vocabulary'), boroughs(), fillBoroughSelect()]);
  if (!isCurrent()) return;
  boroughNames = new Map(list.map((b) => [b.id, b.name]));
  prepareForm(words, question);
  showQuestion(question);
  status('Following the chains…');
  let answer;
  let comparison = null;
  let compareError = null;
  try {
    [answer, comparison] = await Promise.all([getJson('/api/research/pathways', pathwaysParams(question)),
      question.versus ? getJson('/api/research/compare', compareParams(question)).catch((error) => { compareError = error; return null; }) : null]);
  } catch (error) {
    if (!isCurrent()) return;
    status('');
    replace(content);
    focusAfter = null;
    problem(error, question);
    return;
  }
  if (!isCurrent()) return;
  status('');
  replace(content,
    answerSection(answer),
    heading(2, 'm', 'Compare with another cohort', { id: 'compare' }),
    p('Set these people against another group — psychosis and substance misuse against psychosis alone, say — and see how each group’s '
      + 'chains ended, through a broker or directly. What you leave alone in the second cohort is as in the first.'),
    comparison ? comparisonAnswer(comparison) : null,
    versusForm(words, question),
    downloads(question, Boolean(comparison)));
  if (compareError) {
    problem(compareError, question);
  } else if (focusAfter && document.getElementById(focusAfter)) {
    const target = document.getElementById(focusAfter);
    target.setAttribute('tabindex', '-1');
    target.focus();
  }
  focusAfter = null;
});

document.getElementById('cohort').addEventListener('submit', (event) => {
  event.preventDefault();
  ask(questionFromForm(event.target, readQuestion()), 'answer-heading');
});

// Back and forward between questions: the page follows the URL.
window.addEventListener('popstate', () => {
  if (window.location.search === shown) return;
  shown = window.location.search;
  followUrl();
});
