// Planner: what-if scenarios built from form controls (POST /api/scenarios), saved scenarios (list, re-run on
// another day, delete) and the expansion planner (POST /api/plans). ?withdraw=FUNDER&asOf=DAY starts with that
// funder withdrawn and runs it at once.

import { boroughs, deleteResource, getFresh, getJson, postJson } from './api.js';
import { bullets, h, heading, onThisPage, p, replace } from './dom.js';
import { SETTING_KINDS, capital, count, gbp, kindLabel, longDate, needWordsLabel, num, pct } from './format.js';
import { clearError, handleProblem, markField, showError, showErrors, startPage, state, status } from './page.js';
import { sortableTable } from './table.js';
import { STATUS, cellsOfKind, coverLegend, coverTile, mapHint, statusTag, tileMap } from './tilemap.js';

const CHANGE_TYPES = [
  ['withdraw_funder', 'A funder withdraws'],
  ['remove_practitioner', 'A practitioner leaves'],
  ['add_post', 'A new post'],
  ['close_setting', 'A setting closes'],
  ['add_partnership', 'A new partnership between two agencies'],
  ['remove_partnership', 'A partnership between two agencies ends'],
];

/** Partnership kinds people use; any other text is accepted too. */
const PARTNERSHIP_KINDS = ['referral_protocol', 'information_sharing', 'liaison_diversion', 'court_liaison', 'fmhp_partnership',
  'integrated_offender_management', 'prison_inreach'];

const HEADLINES = [
  ['boroughsWithCover', 'Boroughs with some cover'],
  ['holes', 'Places with no cover'],
  ['fragile', 'Places with fragile cover'],
  ['covered', 'Places fully covered'],
  ['practitionersPlaced', 'Practitioners placed'],
  ['fte', 'Full-time equivalent (FTE)', (x) => num(x, 1)],
  ['fundingActiveGbp', 'Funding active', gbp],
  ['entrySettingsWithoutCover', 'Courts and custody suites with nobody placed'],
  ['unreachableSettingNeeds', 'Court or custody suite and need pairs with no accepting service within 3 steps'],
  ['peopleBetweenTwoStools', 'People between two stools'],
  ['peopleUnserved', 'People with a need no local service accepts'],
  ['displacedPeople', 'People displaced (seen by posts that end or at settings that close)'],
  ['displacedWithoutRoute', 'Displaced people with no other route to health'],
  ['cutVertices', 'Cut vertices (nodes whose loss would split the network)'],
];

const AREAS = [
  ['coverage', 'Coverage', 'Cover in police custody, the courts, probation and prisons'],
  ['gaps', 'Gaps', 'Needs that can no longer (or can again) reach a service, and people between services'],
  ['bottlenecks', 'Bottlenecks', 'Who carries people from criminal justice to health'],
];

const DEFAULT_PLAN_KINDS = ['police_custody', 'magistrates_court', 'crown_court', 'probation_office'];

// What the page holds between renders (a new date keeps the scenario being built).
const scenario = { name: '', description: '', changes: [] };
let builderType = 'withdraw_funder';
let options = null;
let lastWhatIf = null; // {result, title, kind}
let lastPlan = null;
// demand null: the planner's default (activity figures when the data has them, else people seen), as on the command line.
let planForm = { posts: '3', demand: null, kinds: [...DEFAULT_PLAN_KINDS], includeFragile: false, scenario: '', cost: '', budget: '' };
let savedNames = [];
/** The plan's scenario choice that means the scenario being built above (no saved name can contain a colon). */
const BUILT = ':built';
/** The API's plan fields, and the form fields that say them. */
const PLAN_FIELDS = { posts: 'plan-posts', scenario: 'plan-scenario', costPerPostGbp: 'plan-cost', budgetGbp: 'plan-budget' };
const initial = new URLSearchParams(window.location.search);
let pendingWithdraw = (initial.get('withdraw') || '').trim();

const byId = (id) => document.getElementById(id);
const asOfNow = () => state().asOf || options?.asOf || '';

// ---------------------------------------------------------------- form helpers

function group(id, label, control, { hint, labelClass = 'govuk-label--s', extraClass = '' } = {}) {
  if (hint) control.setAttribute('aria-describedby', `${id}-hint`);
  return h('div', { class: `govuk-form-group${extraClass ? ` ${extraClass}` : ''}` },
    h('label', { class: `govuk-label ${labelClass}`, for: id }, label),
    hint ? h('div', { class: 'govuk-hint', id: `${id}-hint` }, hint) : null,
    control);
}

function select(id, choices, value) {
  const el = h('select', { class: 'govuk-select', id, name: id }, choices.map((c) => (c.options
    ? h('optgroup', { label: c.label }, c.options.map((o) => h('option', { value: o.value }, o.text)))
    : h('option', { value: c.value }, c.text))));
  if (value !== undefined && value !== null) el.value = value;
  return el;
}

function input(id, { type = 'text', value = '', width = '', list, ...rest } = {}) {
  return h('input', { class: `govuk-input${width ? ` govuk-input--width-${width}` : ''}`, id, name: id, type, value, list, ...rest });
}

function button(text, onClick, { id, secondary = false, warning = false } = {}) {
  return h('button', { type: 'button', id, class: `govuk-button${secondary ? ' govuk-button--secondary' : ''}${warning ? ' govuk-button--warning' : ''}`,
    'data-module': 'govuk-button', onClick }, text);
}

function linkButton(text, onClick, attrs = {}) {
  return h('button', { type: 'button', class: 'bm-link-button', onClick, ...attrs }, text);
}

/** A GOV.UK success banner above a section's results. */
function banner(text, id) {
  return h('div', { class: 'govuk-notification-banner govuk-notification-banner--success', role: 'alert', id,
    'aria-labelledby': `${id}-title`, 'data-module': 'govuk-notification-banner' },
  h('div', { class: 'govuk-notification-banner__header' },
    h('h2', { class: 'govuk-notification-banner__title', id: `${id}-title` }, 'Done')),
  h('div', { class: 'govuk-notification-banner__content' }, h('p', { class: 'govuk-notification-banner__heading' }, text)));
}

// ---------------------------------------------------------------- options from the API

/** Funders, practitioners, settings and boroughs as of the day, for the builder's selects. */
async function loadOptions(asOf) {
  const [list, coverage, funding] = await Promise.all([boroughs(), getJson('/api/analysis/coverage', { asOf }),
    getJson('/api/analysis/funding', { asOf })]);
  const funders = new Map();
  // The funding mix names a successor with its predecessors ("… (from 1 Jun 2014; before: …)"); a change reads
  // better with the funder's own name, which the coverage places give.
  const plain = new Map();
  for (const c of coverage.cells) for (const f of c.funders) plain.set(f.id, f.name);
  for (const s of funding.shares || []) funders.set(s.funderId, { id: s.funderId, name: plain.get(s.funderId) || s.funderName, share: s.share });
  for (const [id, name] of plain) if (!funders.has(id)) funders.set(id, { id, name, share: null });
  const practitioners = new Map();
  const settings = new Map();
  for (const c of coverage.cells) {
    for (const x of c.practitioners) practitioners.set(x.id, x);
    for (const s of c.settings) settings.set(s.id, s);
  }
  const byName = (a, b) => a.name.localeCompare(b.name, 'en-GB', { numeric: true });
  return {
    asOf: coverage.asOf,
    boroughs: list,
    boroughNames: new Map(list.map((b) => [b.id, b.name])),
    funders: [...funders.values()].sort((a, b) => (b.share ?? -1) - (a.share ?? -1) || byName(a, b)),
    funderNames: new Map([...funders.values()].map((f) => [f.id, f.name])),
    practitioners: [...practitioners.values()].sort(byName),
    settings: [...settings.values()].sort(byName),
    settingNames: new Map([...settings.values()].map((s) => [s.id, s.name])),
    agencies: new Map(),
  };
}

/**
 * Agencies for the partnership fields' suggestions: the day's agencies by name (GET /api/agencies, a few KB; not the
 * whole node-level network, megabytes at England scale); a failure only loses the hints.
 */
async function loadAgencies(asOf, into) {
  try {
    const answer = await getJson('/api/agencies', { asOf });
    for (const a of answer.agencies) into.agencies.set(a.id, a.name);
    const list = byId('agency-list');
    if (list) replace(list, [...into.agencies].sort((a, b) => a[1].localeCompare(b[1], 'en-GB')).map(([id, name]) => h('option', { value: id }, name)));
  } catch (e) {
    console.info('Bridgemap: agency suggestions not loaded:', e.detail || e.message);
  }
}

/**
 * Names agencies typed by id that the day's agencies (GET /api/agencies) do not list, so that the list of changes reads
 * in names; an unknown id stays as typed and the run reports it.
 */
async function nameAgencies(ids) {
  const unknown = ids.filter((id) => id && !options.agencies.has(id));
  if (!unknown.length) return;
  const found = await Promise.all(unknown.map((id) => getJson(`/api/nodes/${encodeURIComponent(id)}`, { asOf: options.asOf })
    .then((detail) => detail.node, () => null)));
  let named = false;
  for (const node of found) {
    if (node && node.type === 'agency') {
      options.agencies.set(node.id, node.name);
      named = true;
    }
  }
  if (named) renderChanges();
}

// ---------------------------------------------------------------- the scenario builder

const agencyName = (id) => options?.agencies.get(id) || id;
const words = (code) => String(code || '').replace(/_/g, ' ');

/** A change in words, as the list of changes shows it. */
function describe(change) {
  switch (change.type) {
    case 'withdraw_funder': return `${options?.funderNames.get(change.funder) || change.funder} withdraws its funding`;
    case 'remove_practitioner': return `${options?.practitioners.find((x) => x.id === change.practitioner)?.name || change.practitioner} leaves`;
    case 'add_post': {
      const where = change.setting ? `at ${options?.settingNames.get(change.setting) || change.setting}`
        : `in ${options?.boroughNames.get(change.borough) || change.borough} ${kindLabel(change.settingKind)}`;
      const paid = change.funder ? `funded by ${options?.funderNames.get(change.funder) || change.funder}`
        : change.newFunder ? `funded by a new funder, ${change.newFunder}` : 'with no funder';
      const amount = change.amountGbp !== undefined && change.amountGbp !== null && (change.funder || change.newFunder) ? ` (${gbp(change.amountGbp)} a year)` : '';
      const dates = change.start && change.end ? `, ${longDate(change.start)} to ${longDate(change.end)}`
        : change.start ? `, from ${longDate(change.start)}` : change.end ? `, until ${longDate(change.end)}` : '';
      return `A new ${num(change.fte, 1)} FTE post ${where}, ${paid}${amount}${dates}`;
    }
    case 'close_setting': return `${options?.settingNames.get(change.setting) || change.setting} closes`;
    case 'add_partnership': return `A new ${words(change.kind)} partnership from ${agencyName(change.from)} to ${agencyName(change.to)}`;
    case 'remove_partnership': return `The ${change.kind ? `${words(change.kind)} ` : ''}partnership from ${agencyName(change.from)} to ${agencyName(change.to)} ends`;
    default: return change.type;
  }
}

/** The fields of each kind of change. */
function changeFields(o) {
  const funderChoices = o.funders.map((f) => ({ value: f.id, text: f.share !== null ? `${f.name} (${pct(f.share, 0)} of funding)` : f.name }));
  const kinds = Object.entries(SETTING_KINDS).map(([value, text]) => ({ value, text: capital(text) }));
  const settingGroups = Object.entries(SETTING_KINDS).map(([kind, label]) => ({ label: capital(label),
    options: o.settings.filter((s) => s.kind === kind).map((s) => ({ value: s.id, text: s.name })) })).filter((g) => g.options.length);
  const newFunder = input('post-new-funder', { width: '20' });
  const newFunderGroup = group('post-new-funder', 'New funder’s name', newFunder);
  const funder = select('post-funder', [{ value: '', text: 'No funder' }, ...funderChoices, { value: '__new', text: 'A new funder…' }], '');
  newFunderGroup.hidden = true;
  const postBorough = select('post-borough', o.boroughs.map((b) => ({ value: b.id, text: b.name })));
  const postKind = select('post-kind', kinds);
  const postSetting = select('post-setting', []);
  // The settings of the chosen kind in the chosen borough (as of the day planned).
  const fillSettings = () => {
    const here = o.settings.filter((s) => s.boroughId === postBorough.value && s.kind === postKind.value);
    replace(postSetting, here.length
      ? here.map((s) => h('option', { value: s.id }, s.name))
      : h('option', { value: '' }, 'None in this borough'));
  };
  postBorough.addEventListener('change', fillSettings);
  postKind.addEventListener('change', fillSettings);
  fillSettings();
  funder.addEventListener('change', () => { newFunderGroup.hidden = funder.value !== '__new'; });
  const partnership = (prefix, kindHint) => h('div', { class: 'bm-builder-row' },
    group(`${prefix}-from`, 'From agency', input(`${prefix}-from`, { width: '20', list: 'agency-list', autocomplete: 'off', spellcheck: 'false' }),
      { hint: 'Its id, for example lpt' }),
    group(`${prefix}-to`, 'To agency', input(`${prefix}-to`, { width: '20', list: 'agency-list', autocomplete: 'off', spellcheck: 'false' }),
      { hint: 'Its id, for example together' }),
    group(`${prefix}-kind`, 'Kind of partnership', input(`${prefix}-kind`, { width: '20', list: 'partnership-kinds', autocomplete: 'off',
      value: prefix === 'partner-add' ? 'referral_protocol' : '' }), { hint: kindHint }));
  return {
    withdraw_funder: group('withdraw-funder', 'Funder', select('withdraw-funder', funderChoices),
      { hint: `Its funding ends, and the posts it alone paid for end with it. Funders paying on ${longDate(o.asOf)}, largest first.` }),
    remove_practitioner: group('remove-practitioner', 'Practitioner', select('remove-practitioner',
      o.practitioners.map((x) => ({ value: x.id, text: x.name }))), { hint: `Practitioners placed on ${longDate(o.asOf)}` }),
    add_post: h('div', {},
      h('div', { class: 'bm-builder-row' },
        group('post-borough', 'Borough', postBorough),
        group('post-kind', 'Kind of setting', postKind),
        group('post-setting', 'Setting', postSetting, { hint: 'Which one, where the borough has several' }),
        group('post-fte', 'FTE', input('post-fte', { type: 'text', inputmode: 'decimal', value: '1.0', width: '4', spellcheck: 'false' }),
          { hint: 'More than 0, at most 1.5' })),
      h('div', { class: 'bm-builder-row' }, group('post-funder', 'Funder', funder), newFunderGroup,
        group('post-amount', 'Funding a year, £ (optional)', input('post-amount', { inputmode: 'numeric', width: '10', spellcheck: 'false' }))),
      h('div', { class: 'bm-builder-row' },
        group('post-start', 'Starts (optional)', input('post-start', { type: 'date', min: '1993-01-01' }), { hint: 'On or before the day planned; empty: that day' }),
        group('post-end', 'Ends (optional)', input('post-end', { type: 'date', min: '1993-01-01' }), { hint: 'Empty: open-ended' }))),
    close_setting: group('close-setting', 'Setting', select('close-setting', settingGroups),
      { hint: 'Its placements and referrals go with it' }),
    add_partnership: partnership('partner-add', 'For example referral_protocol'),
    remove_partnership: partnership('partner-remove', 'Leave empty for any kind'),
  };
}

/** Reads the chosen kind of change from its fields; returns the change, or shows what is missing. */
function readChange(type) {
  const value = (id) => (byId(id)?.value || '').trim();
  const missing = (id, text) => { showError({ detail: text, parameter: id }); return null; };
  switch (type) {
    case 'withdraw_funder':
      return value('withdraw-funder') ? { type, funder: value('withdraw-funder') } : missing('withdraw-funder', 'Choose a funder');
    case 'remove_practitioner':
      return value('remove-practitioner') ? { type, practitioner: value('remove-practitioner') } : missing('remove-practitioner', 'Choose a practitioner');
    case 'add_post': {
      const fte = Number(value('post-fte').replace(',', '.'));
      if (!value('post-fte') || !Number.isFinite(fte)) return missing('post-fte', 'Enter the post’s FTE as a number, for example 1.0 or 0.5');
      const change = value('post-setting')
        ? { type, borough: value('post-borough'), setting: value('post-setting'), fte }
        : { type, borough: value('post-borough'), settingKind: value('post-kind'), fte };
      if (value('post-funder') === '__new') {
        if (!value('post-new-funder')) return missing('post-new-funder', 'Enter the new funder’s name');
        change.newFunder = value('post-new-funder');
      } else if (value('post-funder')) {
        change.funder = value('post-funder');
      }
      if (value('post-amount')) {
        const amount = Number(value('post-amount').replace(/[£,\s]/g, ''));
        if (!Number.isFinite(amount) || amount < 0) return missing('post-amount', 'Enter the funding a year in pounds, for example 45000, or leave it empty');
        change.amountGbp = amount;
      }
      const day = asOfNow();
      if (value('post-start')) {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(value('post-start'))) return missing('post-start', 'Enter a real start date, for example 1 April 2014');
        if (day && value('post-start') > day) return missing('post-start', `Enter a start on or before ${longDate(day)}, the day planned, or leave it empty`);
        change.start = value('post-start');
      }
      if (value('post-end')) {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(value('post-end'))) return missing('post-end', 'Enter a real end date, for example 31 March 2015');
        if (day && value('post-end') < day) return missing('post-end', `Enter an end on or after ${longDate(day)}, the day planned, or leave it empty`);
        change.end = value('post-end');
      }
      return change;
    }
    case 'close_setting':
      return value('close-setting') ? { type, setting: value('close-setting') } : missing('close-setting', 'Choose a setting');
    case 'add_partnership':
    case 'remove_partnership': {
      const prefix = type === 'add_partnership' ? 'partner-add' : 'partner-remove';
      if (!value(`${prefix}-from`)) return missing(`${prefix}-from`, 'Enter the agency the partnership is from');
      if (!value(`${prefix}-to`)) return missing(`${prefix}-to`, 'Enter the agency the partnership is to');
      if (type === 'add_partnership' && !value(`${prefix}-kind`)) return missing(`${prefix}-kind`, 'Enter the kind of partnership');
      const change = { type, from: value(`${prefix}-from`), to: value(`${prefix}-to`) };
      if (value(`${prefix}-kind`)) change.kind = value(`${prefix}-kind`);
      return change;
    }
    default: return null;
  }
}

function renderChanges() {
  const holder = byId('changes');
  if (!holder) return;
  replace(holder,
    heading(3, 'm', scenario.changes.length ? `Changes so far (${scenario.changes.length})` : 'Changes so far', { id: 'changes-heading' }),
    scenario.changes.length
      ? h('ol', { class: 'govuk-list govuk-list--number bm-changes', id: 'change-list' }, scenario.changes.map((change, i) =>
        h('li', { id: `change-${i}`, tabindex: '-1', dataset: { type: change.type } },
          h('span', { class: 'bm-change__text' }, describe(change)),
          linkButton('Remove', () => {
            scenario.changes.splice(i, 1);
            clearError();
            renderChanges();
            byId('changes-heading').setAttribute('tabindex', '-1');
            byId('changes-heading').focus();
          }, { 'aria-label': `Remove change ${i + 1}: ${describe(change)}` }))))
      : p('None yet. Choose a kind of change above, fill in its fields and add it.'));
}

function builder(o) {
  const fields = changeFields(o);
  const typeSelect = select('change-type', CHANGE_TYPES.map(([value, text]) => ({ value, text })), builderType);
  const panes = CHANGE_TYPES.map(([type]) => h('div', { class: 'bm-change-fields', dataset: { change: type }, hidden: type !== builderType }, fields[type]));
  typeSelect.addEventListener('change', () => {
    builderType = typeSelect.value;
    panes.forEach((pane) => { pane.hidden = pane.dataset.change !== builderType; });
  });
  const add = () => {
    clearError();
    const change = readChange(builderType);
    if (!change) return;
    scenario.changes.push(change);
    renderChanges();
    const live = byId('change-added');
    live.textContent = `Added: ${describe(change)}.`;
    if (change.from) nameAgencies([change.from, change.to]);
  };
  return h('div', { class: 'bm-builder', id: 'builder' },
    group('change-type', 'Kind of change', typeSelect, { labelClass: 'govuk-label--m' }),
    panes,
    h('datalist', { id: 'agency-list' }),
    h('datalist', { id: 'partnership-kinds' }, PARTNERSHIP_KINDS.map((k) => h('option', { value: k }))),
    h('div', { class: 'bm-button-group' }, button('Add this change', add, { id: 'add-change', secondary: true }),
      h('p', { class: 'govuk-body govuk-visually-hidden', id: 'change-added', role: 'status' })));
}

// ---------------------------------------------------------------- running a scenario

/** A message from the API with its path put into words: "changes[2].funder: …" → "Change 3, funder: …". */
function problemWords(message) {
  let text = message.replace(/^changes\[(\d+)\]\.?([A-Za-z]*)(:?)/, (m, i, field) => `Change ${Number(i) + 1}${field ? `, ${field}` : ''}:`);
  text = text.replace(/E09\d{6}/g, (code) => options?.boroughNames.get(code) || code);
  return text.replace(/::/, ':');
}

function clearChangeErrors() {
  document.querySelectorAll('.bm-change--error').forEach((li) => li.classList.remove('bm-change--error'));
  document.querySelectorAll('.bm-change__error').forEach((m) => m.remove());
}

/** A 400 with `errors`: each problem in the summary, linked to the change (or field) at fault and shown beside it. */
function showScenarioErrors(error, { fromBuilder = true } = {}) {
  clearChangeErrors();
  const items = error.errors.map((message) => {
    const at = /^changes\[(\d+)\]/.exec(message);
    const text = problemWords(message);
    if (fromBuilder && at && byId(`change-${at[1]}`)) {
      const li = byId(`change-${at[1]}`);
      li.classList.add('bm-change--error');
      li.append(h('p', { class: 'govuk-error-message bm-change__error' }, h('span', { class: 'govuk-visually-hidden' }, 'Error: '), text));
      return { text, href: `#change-${at[1]}` };
    }
    if (fromBuilder && /^name:/.test(message)) {
      markField('scenario-name', text);
      return { text, href: '#scenario-name' };
    }
    return { text, href: null };
  });
  showErrors(items.length ? items : [{ text: error.detail, href: null }]);
}

async function runScenario({ save = false } = {}) {
  clearError();
  clearChangeErrors();
  scenario.name = byId('scenario-name').value.trim();
  scenario.description = byId('scenario-description').value.trim();
  if (!scenario.changes.length) {
    showErrors([{ text: 'Add at least one change before running the scenario', href: '#change-type' }]);
    return;
  }
  if (save && !scenario.name) {
    showError({ detail: 'Give the scenario a name to save it', parameter: 'scenario-name' });
    return;
  }
  const body = { changes: scenario.changes };
  if (scenario.name) body.name = scenario.name;
  if (scenario.description) body.description = scenario.description;
  const asOf = asOfNow();
  const holder = byId('whatif-result');
  replace(holder, h('p', { class: 'govuk-body', role: 'status' }, `Running the scenario as of ${longDate(asOf)}…`));
  try {
    const result = await postJson('/api/scenarios', { asOf, save: save ? 'true' : '' }, body);
    lastWhatIf = { result, title: scenario.name || (scenario.changes.length === 1 ? describe(scenario.changes[0]) : `${scenario.changes.length} changes`) };
    showWhatIf({ focus: true, notice: save ? `Saved as “${scenario.name}”.` : null });
    if (save) refreshSaved();
  } catch (error) {
    replace(holder);
    if (error.status === 400 && error.errors.length) showScenarioErrors(error);
    else handleProblem(error, () => runScenario({ save }));
  }
}

const sign = (x, format) => (x > 0 ? `+${format(x)}` : x < 0 ? `−${format(-x)}` : 'no change');

function headlineTable(before, after) {
  const rows = HEADLINES.map(([key, label, format = num]) => {
    const b = before[key];
    const a = after[key];
    const numbers = typeof a === 'number' && typeof b === 'number';
    const diff = numbers ? Math.round((a - b) * 10) / 10 : null;
    return h('tr', { class: 'govuk-table__row', dataset: { key } },
      h('th', { scope: 'row', class: 'govuk-table__header bm-row-header' }, label),
      h('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, format(b)),
      h('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, format(a)),
      h('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, numbers ? sign(diff, format) : '–'));
  });
  const cut = before.brokerCut === after.brokerCut
    ? p(`Broker cut between criminal justice and health, before and after: ${before.brokerCut}`)
    : bullets([`Broker cut before: ${before.brokerCut}`, `After: ${after.brokerCut}`]);
  return [h('div', { class: 'bm-table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Before and after' },
    h('table', { class: 'govuk-table bm-table', id: 'headline-table' },
      h('caption', { class: 'govuk-table__caption govuk-table__caption--s' }, 'Before and after'),
      h('thead', { class: 'govuk-table__head' }, h('tr', { class: 'govuk-table__row' },
        ['', 'Before', 'After', 'Change'].map((t, i) => h('th', { scope: 'col', class: `govuk-table__header${i ? ' govuk-table__header--numeric' : ''}` }, t)))),
      h('tbody', { class: 'govuk-table__body' }, rows))), cut];
}

/** A difference's sentence, with need codes put as the vocabulary names them. */
function sentence(d) {
  if (d.area !== 'gaps') return d.sentence;
  return d.sentence
    .replace(/( any more for: | again for: )(.+)$/, (m, lead, needs) => `${lead}${needWordsLabel(needs)}`)
    .replace(/^(In .+?, )(.+?)( \(\d+ people\) goes from )/, (m, lead, needs, rest) => `${lead}${needWordsLabel(needs)}${rest}`);
}

function differences(result) {
  return h('div', { class: 'bm-differences', id: 'differences' }, AREAS.map(([area, title, hint]) => {
    const list = result.differences.filter((d) => d.area === area);
    return [
      heading(4, 's', `${title} (${list.length})`, { id: `differences-${area}-heading` }),
      h('p', { class: 'govuk-hint' }, hint),
      list.length
        ? h('ul', { class: 'govuk-list govuk-list--bullet', id: `differences-${area}` }, list.map((d) => h('li', {}, sentence(d))))
        : h('p', { class: 'govuk-body', id: `differences-${area}` }, `No change in ${title.toLowerCase()}.`),
    ];
  }));
}

/** The setting kind whose cover changes most, for the maps to open on. */
function busiestKind(result) {
  const changed = new Map();
  const after = new Map(result.coverageAfter.cells.map((c) => [`${c.boroughId}/${c.kind}`, c]));
  for (const c of result.coverageBefore.cells) {
    const a = after.get(`${c.boroughId}/${c.kind}`);
    if (a && a.status !== c.status) changed.set(c.kind, (changed.get(c.kind) || 0) + 1);
  }
  let best = 'police_custody';
  for (const kind of Object.keys(SETTING_KINDS)) if ((changed.get(kind) || 0) > (changed.get(best) || 0)) best = kind;
  return best;
}

function cellWords(cell) {
  if (!cell) return 'no such setting';
  const people = cell.practitioners.length;
  const status = STATUS[cell.status].label.toLowerCase();
  if (!people) return `${status}: nobody placed`;
  return `${status}: ${count(people, 'practitioner', 'practitioners')} (${num(cell.fte, 1)} FTE)`
    + `${cell.funders.length ? `, funded by ${cell.funders.map((f) => f.name).join(', ')}` : ', no active funding'}`;
}

function compareDetail(borough, before, after, kind) {
  const changed = (before?.status || 'none') !== (after?.status || 'none');
  return [
    h('h4', { class: 'govuk-heading-s', id: 'compare-detail-heading', tabindex: '-1' }, `${borough.name}: ${kindLabel(kind)}`),
    h('dl', { class: 'govuk-summary-list' },
      [['Before', before], ['After', after]].map(([label, cell]) => h('div', { class: 'govuk-summary-list__row' },
        h('dt', { class: 'govuk-summary-list__key' }, label),
        h('dd', { class: 'govuk-summary-list__value' }, statusTag(cell ? cell.status : 'none'), ' ', capital(cellWords(cell)))))),
    changed ? null : p('No change here.'),
  ];
}

function compareMaps(result, kind) {
  const list = options.boroughs;
  const before = cellsOfKind(result.coverageBefore.cells, kind);
  const after = cellsOfKind(result.coverageAfter.cells, kind);
  const panel = h('div', { class: 'bm-detail', id: 'compare-detail', 'aria-live': 'polite' },
    p('Choose a borough on either map to compare its cover before and after.'));
  const show = (b) => replace(panel, compareDetail(b, before.get(b.id), after.get(b.id), kind));
  const changedIds = list.filter((b) => (before.get(b.id)?.status || 'none') !== (after.get(b.id)?.status || 'none')).map((b) => b.id);
  const changedNames = list.filter((b) => changedIds.includes(b.id)).map((b) => `${b.name} (${STATUS[before.get(b.id)?.status || 'none'].label.toLowerCase()} → ${STATUS[after.get(b.id)?.status || 'none'].label.toLowerCase()})`);
  const mapOf = (id, cells, title, other) => h('div', {},
    heading(4, 's', title),
    tileMap(list, {
      id,
      small: true,
      label: `${title}: ${kindLabel(kind)} cover by borough`,
      describedBy: 'compare-hint',
      tile: (b) => {
        const t = coverTile(cells.get(b.id));
        const was = other.get(b.id)?.status || 'none';
        if (was === t.status) return t;
        return { ...t, extra: 'bm-tile--changed', words: `${t.words} (${title === 'After' ? 'was' : 'becomes'} ${STATUS[was].label.toLowerCase()})` };
      },
      onSelect: show,
    }));
  return [
    h('p', { class: 'govuk-body', id: 'compare-summary' }, changedIds.length
      ? `${capital(kindLabel(kind))}: ${count(changedIds.length, 'borough changes', 'boroughs change')} — ${changedNames.join('; ')}. They have a black and white ring on the maps.`
      : `No borough’s ${kindLabel(kind)} cover changes.`),
    h('div', { class: 'bm-before-after' }, mapOf('map-before', before, 'Before', after), mapOf('map-after', after, 'After', before)),
    panel,
  ];
}

/** Every place (borough × setting kind) whose cover the scenario changes: its status or who is placed there. */
function changedCells(result) {
  const key = (c) => `${c.boroughId}/${c.kind}`;
  const before = new Map(result.coverageBefore.cells.map((c) => [key(c), c]));
  const after = new Map(result.coverageAfter.cells.map((c) => [key(c), c]));
  const ids = (c) => (c ? c.practitioners.map((x) => x.id).sort().join(' ') : '');
  const rows = [];
  for (const k of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(k);
    const a = after.get(k);
    if ((b?.status || 'none') === (a?.status || 'none') && ids(b) === ids(a)) continue;
    const cell = a || b;
    rows.push({ boroughName: cell.boroughName, kind: cell.kind, before: b, after: a });
  }
  const status = (c) => h('span', {}, statusTag(c ? c.status : 'none'), ' ', c ? count(c.practitioners.length, 'practitioner', 'practitioners') : '');
  return sortableTable({
    id: 'changed-cells',
    caption: `${count(rows.length, 'place whose cover changes', 'places whose cover changes')}, all settings`,
    rows,
    sortBy: 3,
    descending: false,
    empty: 'No place’s cover changes.',
    columns: [
      { label: 'Borough', value: (r) => r.boroughName },
      { label: 'Setting', value: (r) => kindLabel(r.kind), render: (r) => capital(kindLabel(r.kind)) },
      { label: 'Before', value: (r) => STATUS[r.before?.status || 'none'].order, render: (r) => status(r.before) },
      { label: 'After', value: (r) => STATUS[r.after?.status || 'none'].order, render: (r) => status(r.after) },
    ],
  });
}

/** Lines shown of each list of displaced people and of services under pressure, as the CLI shows them. */
const SHOWN = 10;

/** Who the scenario displaces (by entry setting, borough and need) and the pressure moved onto the services that remain. */
function displacedSection(d) {
  if (!d) return null;
  const groups = (id, caption, label, rows, withBorough = false) => sortableTable({
    id,
    caption,
    rows: rows.slice(0, SHOWN),
    sortBy: withBorough ? 2 : 1, // most people first, as the API lists them
    descending: true,
    empty: 'Nobody.',
    columns: [
      { label, value: (g) => g.name },
      ...(withBorough ? [{ label: 'Borough', value: (g) => g.boroughName || '' }] : []),
      { label: 'People', value: (g) => g.people, numeric: true, render: (g) => num(g.people) },
      { label: 'With no other route to health', value: (g) => g.withoutRoute, numeric: true, render: (g) => num(g.withoutRoute) },
    ],
  });
  const more = (rows) => (rows.length > SHOWN ? p(`… and ${num(rows.length - SHOWN)} more.`) : null);
  return h('div', { id: 'displaced' },
    heading(4, 'm', 'Who is displaced', { id: 'displaced-heading' }),
    h('p', { class: 'govuk-body', id: 'displaced-sentence' }, d.sentence),
    d.people ? [
      p('They stay where they came in, unserved unless another route reaches them; the numbers after the change count them.'),
      groups('displaced-entry', 'By the setting where they came in', 'Setting', d.byEntry, true), more(d.byEntry),
      groups('displaced-borough', 'By borough', 'Borough', d.byBorough), more(d.byBorough),
      groups('displaced-need', 'By need (a person counts under each of their needs)', 'Need', d.byNeed), more(d.byNeed),
      heading(4, 'm', 'Pressure on the services that remain', { id: 'pressure-heading' }),
      d.pressure.length
        ? h('ul', { class: 'govuk-list govuk-list--bullet', id: 'pressure' }, d.pressure.slice(0, SHOWN).map((l) => h('li', {}, l.sentence)))
        : h('p', { class: 'govuk-body', id: 'pressure' }, 'No service’s accepted referrals change.'),
      more(d.pressure),
    ] : null);
}

function showWhatIf({ focus = false, notice = null } = {}) {
  const holder = byId('whatif-result');
  if (!holder || !lastWhatIf) return;
  const { result } = lastWhatIf;
  const kind = lastWhatIf.kind || busiestKind(result);
  lastWhatIf.kind = kind;
  const kindSelect = select('compare-kind', Object.entries(SETTING_KINDS).map(([value, text]) => ({ value, text: capital(text) })), kind);
  const maps = h('div', { id: 'compare-maps' }, compareMaps(result, kind));
  kindSelect.addEventListener('change', () => {
    lastWhatIf.kind = kindSelect.value;
    replace(maps, compareMaps(result, kindSelect.value));
  });
  replace(holder, h('div', { class: 'bm-result' },
    notice ? banner(notice, 'whatif-notice') : null,
    heading(3, 'l', `What if: ${lastWhatIf.title}`, { id: 'whatif-heading', tabindex: '-1' }),
    p(`Tried on a copy of the data as it stood on ${longDate(result.asOf)}; nothing stored is changed.`),
    heading(4, 'm', 'What happens'),
    h('ul', { class: 'govuk-list govuk-list--bullet', id: 'effects' }, result.effects.map((e) => h('li', {}, e))),
    heading(4, 'm', 'What changes, in words'),
    differences(result),
    displacedSection(result.displaced),
    heading(4, 'm', 'Cover before and after', { id: 'compare-heading' }),
    h('div', { class: 'bm-filters' }, group('compare-kind', 'Setting', kindSelect, { hint: 'Which setting the maps show' })),
    coverLegend(),
    mapHint('compare-hint', 'a map'),
    maps,
    changedCells(result),
    heading(4, 'm', 'The numbers'),
    headlineTable(result.before, result.after),
    p(h('a', { class: 'govuk-link', href: '#plan' }, 'Where would new posts help most?'))));
  if (focus) byId('whatif-heading').focus();
}

// ---------------------------------------------------------------- saved scenarios

async function refreshSaved() {
  const holder = byId('saved-list');
  if (!holder) return;
  replace(holder, h('p', { class: 'govuk-body', role: 'status' }, 'Loading the saved scenarios…'));
  try {
    const saved = await getFresh('/api/scenarios');
    replace(holder, savedTable(saved));
    savedNames = saved.map((s) => s.name);
    renderScenarioChoice();
  } catch (error) {
    if (error.status === 401) {
      replace(holder);
      handleProblem(error, refreshSaved);
    } else {
      replace(holder, h('p', { class: 'govuk-body', id: 'saved-problem' }, error.detail));
    }
  }
}

function savedTable(saved) {
  return sortableTable({
    id: 'saved-table',
    caption: `${count(saved.length, 'saved scenario', 'saved scenarios')}`,
    rows: saved,
    empty: 'No scenarios are saved yet. Build one above, give it a name and choose “Run and save”.',
    columns: [
      { label: 'Name', value: (s) => s.name },
      { label: 'Description', value: (s) => s.description || '', render: (s) => s.description || '–' },
      { label: 'Changes', value: (s) => s.changes, numeric: true },
      { label: 'Saved', value: (s) => s.savedAt, render: (s) => longDate(String(s.savedAt).slice(0, 10)) },
      { label: 'Actions', value: () => '', sortable: false, render: (s) => h('span', { class: 'bm-button-group' },
        linkButton('Run', () => rerun(s.name), { 'aria-label': `Run ${s.name} on the date above`, dataset: { action: 'run', name: s.name } }),
        linkButton('Open in the builder', () => openSaved(s), { 'aria-label': `Open ${s.name} in the builder`, dataset: { action: 'open', name: s.name } }),
        linkButton('Delete', () => removeSaved(s.name), { 'aria-label': `Delete ${s.name}`, dataset: { action: 'delete', name: s.name } })) },
    ],
  });
}

async function rerun(name) {
  clearError();
  const day = byId('rerun-asOf').value || asOfNow();
  const holder = byId('whatif-result');
  replace(holder, h('p', { class: 'govuk-body', role: 'status' }, `Running “${name}” as of ${longDate(day)}…`));
  byId('whatif').scrollIntoView();
  try {
    const result = await postJson(`/api/scenarios/${encodeURIComponent(name)}/run`, { asOf: day }, {});
    lastWhatIf = { result, title: `${name}, on ${longDate(result.asOf)}` };
    showWhatIf({ focus: true });
  } catch (error) {
    replace(holder);
    if (error.status === 400 && error.errors.length) showScenarioErrors(error, { fromBuilder: false });
    else handleProblem(error, () => rerun(name));
  }
}

function openSaved(saved) {
  let parsed;
  try { parsed = JSON.parse(saved.json); } catch (e) { parsed = null; }
  if (!parsed || !Array.isArray(parsed.changes)) {
    showErrors([{ text: `“${saved.name}” could not be read.`, href: null }]);
    return;
  }
  scenario.changes = parsed.changes;
  byId('scenario-name').value = parsed.name || saved.name;
  byId('scenario-description').value = parsed.description || '';
  renderChanges();
  byId('changes-heading').setAttribute('tabindex', '-1');
  byId('changes-heading').focus();
}

async function removeSaved(name) {
  clearError();
  try {
    await deleteResource(`/api/scenarios/${encodeURIComponent(name)}`);
    await refreshSaved();
    byId('saved-list').prepend(banner(`Deleted “${name}”.`, 'saved-notice'));
  } catch (error) {
    handleProblem(error, () => removeSaved(name));
  }
}

// ---------------------------------------------------------------- the expansion planner

function planSection(kindsVocabulary) {
  const kinds = (kindsVocabulary || []).length ? kindsVocabulary : Object.entries(SETTING_KINDS).map(([id, name]) => ({ id, name }));
  const posts = input('plan-posts', { inputmode: 'numeric', width: '3', value: planForm.posts, spellcheck: 'false' });
  const radio = (value, label, hint) => h('div', { class: 'govuk-radios__item' },
    h('input', { class: 'govuk-radios__input', id: `plan-demand-${value}`, name: 'plan-demand', type: 'radio', value,
      checked: planForm.demand === value, 'aria-describedby': `plan-demand-${value}-hint` }),
    h('label', { class: 'govuk-label govuk-radios__label', for: `plan-demand-${value}` }, label),
    h('div', { class: 'govuk-hint govuk-radios__hint', id: `plan-demand-${value}-hint` }, hint));
  const checkbox = (id, value, label, checked, name = 'plan-kinds') => h('div', { class: 'govuk-checkboxes__item' },
    h('input', { class: 'govuk-checkboxes__input', id, name, type: 'checkbox', value, checked }),
    h('label', { class: 'govuk-label govuk-checkboxes__label', for: id }, label));
  const form = h('form', { id: 'plan-form', class: 'bm-builder', novalidate: true, method: 'post', action: '/planner.html' },
    group('plan-posts', 'New posts', posts, { hint: 'How many, 1 to 100', labelClass: 'govuk-label--m' }),
    group('plan-scenario', 'Start from', h('select', { class: 'govuk-select', id: 'plan-scenario', name: 'plan-scenario' }),
      { hint: 'The network as it is, or after a what-if scenario: the people it displaces count as demand where they came in' }),
    h('div', { class: 'bm-builder-row' },
      group('plan-cost', 'Cost of a post a year (optional)', input('plan-cost', { inputmode: 'decimal', width: '10', value: planForm.cost, spellcheck: 'false' }),
        { hint: 'For example £40,000. Left empty: 1.0 FTE × the median funding per FTE of the funded posts' }),
      group('plan-budget', 'Budget a year (optional)', input('plan-budget', { inputmode: 'decimal', width: '10', value: planForm.budget, spellcheck: 'false' }),
        { hint: 'For example £250,000 or 250k. The posts are then chosen by people met per pound' })),
    h('div', { class: 'govuk-form-group' }, h('fieldset', { class: 'govuk-fieldset', id: 'plan-demand' },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, 'Count unmet demand by'),
      h('div', { class: 'govuk-hint', id: 'plan-demand-hint' }, 'Choose none to use activity figures where the data has them, else the people seen'),
      h('div', { class: 'govuk-radios govuk-radios--small', 'data-module': 'govuk-radios' },
        radio('activity', 'People passing through', 'People with mental-health needs estimated to pass through places with no cover in the year: activity figures times the share with mental-health needs (else the people referred)'),
        radio('cases', 'People seen', 'People seen in the year at places with no cover, each counted once'),
        radio('equal', 'Places', 'Every place with no cover counts the same')))),
    h('div', { class: 'govuk-form-group' }, h('fieldset', { class: 'govuk-fieldset', id: 'plan-kinds' },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, 'Settings to consider'),
      h('div', { class: 'govuk-checkboxes govuk-checkboxes--small', 'data-module': 'govuk-checkboxes' },
        kinds.map((k) => checkbox(`plan-kind-${k.id}`, k.id, capital(k.name), planForm.kinds.includes(k.id)))))),
    h('div', { class: 'govuk-form-group' }, h('div', { class: 'govuk-checkboxes govuk-checkboxes--small', 'data-module': 'govuk-checkboxes' },
      checkbox('plan-fragile', 'true', 'Also consider places whose cover is fragile', planForm.includeFragile, 'plan-fragile'))),
    h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button', id: 'plan-run' }, 'Plan'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    runPlan();
  });
  return form;
}

/** The plan's "Start from" choices: none, the scenario being built above, and the saved scenarios. */
function renderScenarioChoice() {
  const field = byId('plan-scenario');
  if (!field) return;
  const choices = [{ value: '', text: 'The network as it is' }, { value: BUILT, text: 'The scenario built above' },
    ...savedNames.map((name) => ({ value: name, text: `Saved scenario: ${name}` }))];
  if (planForm.scenario && !choices.some((c) => c.value === planForm.scenario)) planForm.scenario = '';
  replace(field, choices.map((c) => h('option', { value: c.value, selected: c.value === planForm.scenario }, c.text)));
}

/** The plan request's scenario: a saved one's name, the one being built above, or none. */
function planScenario(choice) {
  if (choice !== BUILT) return choice || null;
  const built = { changes: scenario.changes };
  const name = byId('scenario-name').value.trim();
  if (name) built.name = name;
  return built;
}

async function runPlan() {
  clearError();
  const postsText = byId('plan-posts').value.trim();
  const kinds = [...document.querySelectorAll('input[name="plan-kinds"]:checked')].map((c) => c.value);
  planForm = { posts: postsText, demand: document.querySelector('input[name="plan-demand"]:checked')?.value || null, kinds,
    includeFragile: byId('plan-fragile').checked, scenario: byId('plan-scenario').value, cost: byId('plan-cost').value.trim(),
    budget: byId('plan-budget').value.trim() };
  const posts = Number(postsText);
  if (!/^\d+$/.test(postsText) || posts < 1 || posts > 100) {
    showError({ detail: 'Enter how many new posts as a whole number from 1 to 100', parameter: 'plan-posts' });
    return;
  }
  if (!kinds.length) {
    showErrors([{ text: 'Choose at least one setting to consider', href: `#plan-kind-${DEFAULT_PLAN_KINDS[0]}` }]);
    return;
  }
  if (planForm.scenario === BUILT && !scenario.changes.length) {
    showError({ detail: 'Add at least one change to the scenario above, or start from the network as it is', parameter: 'plan-scenario' });
    return;
  }
  const holder = byId('plan-result');
  replace(holder, h('p', { class: 'govuk-body', role: 'status' }, 'Planning…'));
  const body = { posts, asOf: asOfNow(), settingKinds: kinds, includeFragile: planForm.includeFragile };
  if (planForm.demand) body.demand = planForm.demand; // none chosen: the planner's default
  const start = planScenario(planForm.scenario);
  if (start) body.scenario = start;
  // The amounts go as typed: the API reads "£250,000" or "250k" as the CLI does, and names the field it cannot read.
  if (planForm.cost) body.costPerPostGbp = planForm.cost;
  if (planForm.budget) body.budgetGbp = planForm.budget;
  try {
    lastPlan = await postJson('/api/plans', {}, body);
    planForm.demand = lastPlan.demand;
    const used = byId(`plan-demand-${lastPlan.demand}`);
    if (used) used.checked = true;
    showPlan({ focus: true });
  } catch (error) {
    replace(holder);
    if (error.status === 400 && PLAN_FIELDS[error.parameter]) showError({ detail: error.detail, parameter: PLAN_FIELDS[error.parameter] });
    else if (error.status === 400 && error.errors?.length) showErrors(error.errors.map((text) => ({ text, href: '#plan-scenario' })));
    else handleProblem(error, runPlan);
  }
}

function planMap(plan) {
  const picks = new Map();
  for (const pick of plan.picks) {
    if (!picks.has(pick.boroughId)) picks.set(pick.boroughId, []);
    picks.get(pick.boroughId).push(pick);
  }
  const unit = plan.demand === 'equal' ? ['place', 'places'] : ['person', 'people'];
  const panel = h('div', { class: 'bm-detail', id: 'plan-detail', 'aria-live': 'polite' }, p('Choose a borough on the map to see its picks.'));
  return [
    h('ul', { class: 'bm-legend', 'aria-label': 'Key to the map' },
      h('li', {}, h('span', { class: 'bm-tile bm-swatch bm-tile--picked', 'aria-hidden': 'true' }, '1'), h('span', {}, 'A new post here; the number is its rank')),
      h('li', {}, h('span', { class: 'bm-tile bm-swatch bm-tile--unpicked', 'aria-hidden': 'true' }), h('span', {}, 'No new post'))),
    mapHint('plan-map-hint'),
    h('div', { class: 'bm-map-layout' },
      h('div', {}, tileMap(options.boroughs, {
        id: 'plan-map',
        label: 'Map of London boroughs: where the new posts go',
        describedBy: 'plan-map-hint',
        tile: (b) => {
          const here = picks.get(b.id);
          if (!here) return { status: 'unpicked', mark: '', words: 'no new post' };
          return { status: 'picked', mark: here.map((x) => x.rank).join(' '),
            words: here.map((x) => `pick ${x.rank}, ${kindLabel(x.settingKind)}, adds ${count(x.gain, ...unit)}`).join('; ') };
        },
        onSelect: (b) => {
          const here = picks.get(b.id);
          replace(panel, h('h4', { class: 'govuk-heading-s' }, b.name), here
            ? bullets(here.map((x) => `Pick ${x.rank}: ${kindLabel(x.settingKind)} (${x.settings.join(', ')}), adds ${count(x.gain, ...unit)}`))
            : p('No new post here.'));
        },
      })),
      panel),
  ];
}

const DEMAND_SOURCES = {
  activity_flagged: 'activity × share flagged with mental-health needs',
  activity_prevalence: 'activity × documented prevalence',
  referrals: 'people referred (no activity figures)',
};

/** Where demand comes from, as the command line says it: one source by name, several with their people. */
function demandFrom(sources) {
  if (!sources || !sources.length) return '';
  if (sources.length === 1) return DEMAND_SOURCES[sources[0].source] || sources[0].source;
  return sources.map((x) => `${DEMAND_SOURCES[x.source] || x.source} ${num(x.people)}`).join('; ');
}

/** "Wembley police custody suite: 10,419 detentions a year × 33% prevalence = 3,438". */
function settingDemand(d) {
  if (d.source === 'referrals') return `${d.setting}: ${count(Math.round(d.people), 'person', 'people')} referred in the year (no activity figures)`;
  const share = `${num(d.share * 100, 0)}% ${d.source === 'activity_flagged' ? 'flagged with mental-health needs' : 'prevalence'}`;
  return `${d.setting}: ${num(Math.round(d.activity))} ${words(d.measure)} a year × ${share} = ${num(Math.round(d.people))}`;
}

/** Each pick's settings with their estimates, and the prevalence used where activity flags no share. */
function pickSettings(plan) {
  return h('div', { id: 'plan-sources' },
    heading(4, 's', 'Where each pick’s people come from'),
    h('ol', { class: 'govuk-list govuk-list--number' }, plan.picks.map((x) => h('li', {},
      `${x.boroughName}, ${kindLabel(x.settingKind)}: ${x.demand.map(settingDemand).join('; ') || 'nobody new'}`))),
    p('Prevalence used where activity figures flag no share with mental-health needs:'),
    bullets(plan.prevalence.map((x) => `${capital(kindLabel(x.kind))} ${num(x.share * 100, 0)}%: ${x.source}`)));
}

/** What the scenario the plan starts from did, in words. */
function planScenarioWords(plan) {
  if (!plan.scenario) return null;
  return h('div', { id: 'plan-scenario-effects' },
    p(`Starting from the scenario “${plan.scenario}”:`),
    bullets(plan.scenarioEffects));
}

/** The cost of a post and where it comes from, the total and the budget. */
function planCost(plan) {
  const rows = [
    ['Cost of a post a year', plan.costPerPostGbp == null ? `Unknown (${plan.costSource})` : `${gbp(plan.costPerPostGbp)} (${plan.costSource})`],
    ['The picks cost a year', plan.totalCostGbp == null ? 'Unknown' : `${gbp(plan.totalCostGbp)} for ${count(plan.picks.length, 'post', 'posts')}`],
    ['Budget a year', plan.budgetGbp == null ? 'None given' : gbp(plan.budgetGbp)],
  ];
  const costs = new Set(plan.picks.map((x) => x.costGbp));
  if (costs.size > 1) rows.splice(2, 0, ['Each pick', plan.picks.map((x) => `${x.rank}: ${gbp(x.costGbp)}`).join(', ')]);
  return h('dl', { class: 'govuk-summary-list', id: 'plan-costs' }, rows.map(([key, value]) => h('div', { class: 'govuk-summary-list__row' },
    h('dt', { class: 'govuk-summary-list__key' }, key), h('dd', { class: 'govuk-summary-list__value' }, value))));
}

function showPlan({ focus = false } = {}) {
  const holder = byId('plan-result');
  if (!holder || !lastPlan) return;
  const plan = lastPlan;
  const unit = plan.demand === 'equal' ? ['place', 'places'] : ['person', 'people'];
  const last = plan.picks[plan.picks.length - 1];
  const reach = () => `${count(plan.picks.length, 'new post', 'new posts')} placed as below would reach ${num(last.cumulative)} of them (${pct(last.cumulativeShare)}).`;
  const intro = plan.picks.length
    ? (plan.demand === 'equal'
      ? `${count(plan.unmetDemand, 'place has', 'places have')} no cover on ${longDate(plan.asOf)}. ${count(plan.picks.length, 'new post covers', 'new posts cover')} ${num(last.cumulative)} of them.`
      : plan.demand === 'activity'
        ? `${count(plan.unmetDemand, 'person', 'people')} with mental-health needs are estimated to pass through courts, custody suites and probation offices with no cover in the year to ${longDate(plan.asOf)} (${demandFrom(plan.demandSources)}). ${reach()}`
        : `${count(plan.unmetDemand, 'person was', 'people were')} seen in the year to ${longDate(plan.asOf)} at courts, custody suites and probation offices with no cover and at no covered one. ${reach()}`)
    : plan.posts === 0 ? `The budget buys no post at ${gbp(plan.costPerPostGbp)} a post.`
      : `Nothing to gain: no place of the kinds chosen is without cover, or nobody was seen there, on ${longDate(plan.asOf)}.`;
  replace(holder, h('div', { class: 'bm-result' },
    heading(3, 'l', `Where ${count(plan.posts, 'new post', 'new posts')} would help most`, { id: 'plan-heading', tabindex: '-1' }),
    planScenarioWords(plan),
    p(intro),
    plan.picks.length < plan.posts && plan.picks.length ? p(`Only ${count(plan.picks.length, 'post adds', 'posts add')} anything; more would reach nobody new.`) : null,
    sortableTable({
      id: 'picks-table',
      caption: `The picks, best first (from ${count(plan.candidates, 'place', 'places')} considered)`,
      rows: plan.picks,
      sortBy: 0,
      descending: false,
      empty: 'No picks.',
      columns: [
        { label: 'Rank', value: (x) => x.rank, numeric: true },
        { label: 'Borough', value: (x) => x.boroughName },
        { label: 'Setting', value: (x) => kindLabel(x.settingKind), render: (x) => capital(kindLabel(x.settingKind)) },
        { label: 'Where', value: (x) => x.settings.join(', '), sortable: false },
        { label: `Adds (${unit[1]})`, value: (x) => x.gain, numeric: true, render: (x) => num(x.gain) },
        { label: 'Running total', value: (x) => x.cumulative, numeric: true, render: (x) => num(x.cumulative) },
        { label: 'Share of unmet demand', value: (x) => x.cumulativeShare, numeric: true, render: (x) => pct(x.cumulativeShare) },
        // Only activity demand mixes sources; people seen are all referrals, places have none.
        ...(plan.demand === 'activity' ? [{ label: 'Demand from', value: (x) => demandFrom(x.sources), sortable: false }] : []),
      ],
    }),
    plan.demand === 'activity' ? pickSettings(plan) : null,
    planCost(plan),
    h('p', { class: 'govuk-body', id: 'plan-method' }, plan.method),
    planMap(plan)));
  if (focus) byId('plan-heading').focus();
}

// ---------------------------------------------------------------- the page

startPage(async (state, isCurrent) => {
  const content = document.getElementById('content');
  status(`Loading what the planner needs${state.asOf ? ` for ${longDate(state.asOf)}` : ''}…`);
  const [loaded, words] = await Promise.all([loadOptions(state.asOf), getJson('/api/vocabulary')]);
  if (!isCurrent()) return;
  const dayChanged = options && options.asOf !== loaded.asOf;
  options = loaded;
  if (dayChanged) { lastWhatIf = null; lastPlan = null; }
  const field = byId('asOf');
  if (field && !state.asOf && document.activeElement !== field) field.value = options.asOf;
  status('');
  const name = input('scenario-name', { width: '20', value: scenario.name, spellcheck: 'false' });
  const description = input('scenario-description', { value: scenario.description });
  const rerunDate = input('rerun-asOf', { type: 'date', value: options.asOf, min: words.earliest || null });
  rerunDate.classList.add('bm-date');
  replace(content,
    onThisPage([['whatif', 'What if…'], ['saved', 'Saved scenarios'], ['plan', 'Where new posts would help most']]),
    h('section', { class: 'bm-section', 'aria-labelledby': 'whatif' },
      heading(2, 'l', 'What if…', { id: 'whatif' }),
      p(`Build a scenario from one or more changes, then run it on the data as it stood on ${longDate(options.asOf)}. `
        + 'Nothing stored is changed: the scenario runs on a copy.'),
      builder(options),
      h('div', { id: 'changes', 'aria-live': 'polite' }),
      h('div', { class: 'bm-builder-row' },
        group('scenario-name', 'Name (to save it)', name, { hint: 'Letters, digits, spaces, _ . or -' }),
        group('scenario-description', 'Description (optional)', description, { extraClass: 'bm-grow' })),
      h('div', { class: 'bm-button-group' },
        button('Run', () => runScenario(), { id: 'run-scenario' }),
        button('Run and save', () => runScenario({ save: true }), { id: 'save-scenario', secondary: true })),
      h('div', { id: 'whatif-result' })),
    h('section', { class: 'bm-section', 'aria-labelledby': 'saved' },
      heading(2, 'l', 'Saved scenarios', { id: 'saved' }),
      p('Saved scenarios can be run again on any day. Saving and deleting need an admin token when the server uses tokens.'),
      h('div', { class: 'bm-filters' }, group('rerun-asOf', 'Run saved scenarios as of', rerunDate, { hint: 'Any day since the data starts' })),
      h('div', { id: 'saved-list' })),
    h('section', { class: 'bm-section', 'aria-labelledby': 'plan' },
      heading(2, 'l', 'Where new posts would help most', { id: 'plan' }),
      p(`Chooses places (a borough and a setting) for new posts, one at a time, each where it would meet the most demand no earlier pick meets, as of ${longDate(options.asOf)}.`),
      planSection(words.settingKinds),
      h('div', { id: 'plan-result' })));
  renderChanges();
  renderScenarioChoice();
  showWhatIf();
  showPlan();
  refreshSaved();
  loadAgencies(options.asOf, options);
  if (pendingWithdraw) {
    const funder = pendingWithdraw;
    pendingWithdraw = '';
    if (!scenario.changes.some((c) => c.type === 'withdraw_funder' && c.funder === funder)) {
      scenario.changes.push({ type: 'withdraw_funder', funder });
      renderChanges();
    }
    await runScenario();
  }
});
