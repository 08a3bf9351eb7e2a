// What every page shares: GOV.UK Frontend start-up, the filters form, state kept in the URL
// (asOf, borough, sector, kind, node) and carried across the navigation, loading and error messages,
// the API's vocabulary (need names, the span of the data) and the token prompt when the API asks for one.

import { initAll, ErrorSummary, PasswordInput } from '/lib/govuk-frontend/dist/govuk/govuk-frontend.min.js';
import { boroughs, setToken, token, vocabulary } from './api.js';
import { h, replace } from './dom.js';
import { longDate, todayIso, useVocabulary } from './format.js';

/** The earliest date the date control offers until the API's vocabulary says where the data starts. */
export const MIN_DATE = '1993-01-01';
/** Where the stored data starts and its latest referral (GET /api/vocabulary). */
const span = { earliest: MIN_DATE, latest: null };
export const dataSpan = () => ({ ...span });
const SHARED_KEYS = ['asOf', 'borough', 'sector', 'kind', 'node'];
/** The state's keys: the shared ones and the page's own (startPage's `keys`). */
let STATE_KEYS = SHARED_KEYS;
/** Keys carried to the other pages through the navigation. */
const CARRIED = ['asOf', 'borough'];

/** The state in the URL: every key present, '' when absent. */
export function readState() {
  const params = new URLSearchParams(window.location.search);
  return Object.fromEntries(STATE_KEYS.map((key) => [key, (params.get(key) || '').trim()]));
}

/** `path?…` with the non-empty values of `params`. */
export function href(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}

/** A link to a node's details on the network page, as of the page's date. */
export function nodeLink(node, state, text) {
  if (!node) return '–';
  return h('a', { class: 'govuk-link', href: href('/network.html', { node: node.id, asOf: state.asOf }) }, text || node.name);
}

let current = readState();
let sequence = 0;
let renderer = null;

/**
 * Starts the page: GOV.UK Frontend, the filters form (#filters) and the navigation; then
 * `render(state, isCurrent)` now and whenever the state changes. `render` may throw ApiError. `keys`: the page's own
 * state kept in the URL besides the shared keys (the Network page's level and region).
 */
export function startPage(render, { keys = [] } = {}) {
  STATE_KEYS = [...SHARED_KEYS, ...keys];
  current = readState();
  document.body.classList.add('js-enabled', 'govuk-frontend-supported');
  initAll();
  renderer = render;
  signOutLink();
  const form = document.getElementById('filters');
  if (form) {
    form.noValidate = true;
    const date = form.elements.namedItem('asOf');
    if (date) {
      date.min = MIN_DATE;
      date.max = todayIso();
    }
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const next = { ...current };
      for (const key of STATE_KEYS) {
        const field = form.elements.namedItem(key);
        if (field) next[key] = field.value.trim();
      }
      const problem = checkDate(next.asOf);
      if (problem) {
        showError({ detail: problem, parameter: 'asOf' });
        return;
      }
      setState(next, { push: true });
    });
  }
  window.addEventListener('popstate', () => {
    // Following an in-page link (#id) also fires popstate: render again only when the state changed.
    const next = readState();
    if (STATE_KEYS.every((key) => next[key] === current[key])) return;
    current = next;
    run();
  });
  run();
}

/** Changes the state (and the URL), then renders again unless `render: false`. */
export function setState(next, { push = true, render = true } = {}) {
  current = { ...current, ...next };
  const url = href(window.location.pathname, current);
  if (push) window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
  if (render) run();
  else syncControls();
}

export const state = () => current;

/** Why a date typed in a form cannot be used, or null. */
export function checkDate(value) {
  if (!value) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'Enter a real date, for example 30 June 2014';
  if (value < span.earliest) return `Choose a date on or after ${longDate(span.earliest)}, when the data starts`;
  if (value > todayIso()) return 'Choose a date today or in the past';
  return null;
}

/** Need names and the span of the data, from the API once per page; the date control's limits and hint. */
async function prepare() {
  const words = await vocabulary();
  useVocabulary(words);
  if (words.earliest) span.earliest = words.earliest;
  span.latest = words.latest || null;
  const date = document.getElementById('asOf');
  if (date) {
    date.min = span.earliest;
    if (!current.asOf && span.latest && document.activeElement !== date && !date.value) date.value = span.latest;
  }
  const hint = document.getElementById('asOf-hint');
  if (hint && span.latest && !hint.dataset.span) {
    hint.dataset.span = 'yes';
    hint.textContent = `${hint.textContent.trim().replace(/\.$/, '')}. The data starts on ${longDate(span.earliest)}; the latest referral is on ${longDate(span.latest)}.`;
  }
}

async function run() {
  const mine = ++sequence;
  clearError();
  syncControls();
  try {
    await prepare();
    if (mine !== sequence) return;
    await renderer(current, () => mine === sequence);
  } catch (error) {
    if (mine !== sequence) return;
    status('');
    handleProblem(error);
  }
}

/** Renders the page again with the current state (after a token is entered, say). */
export function rerun() {
  return run();
}

/**
 * Takes the state from the URL again and renders: for a page that keeps more of its question in the URL than the
 * shared keys and has just pushed that URL itself (the Research page), so that the form, the navigation's links and
 * the page agree.
 */
export function followUrl() {
  current = readState();
  return run();
}

/**
 * What to do with an API failure: 401 asks for a token (then `retry`, by default the page's render); anything
 * else (a 403's "The viewer role may not …" included) goes into the error summary.
 */
export function handleProblem(error, retry = run) {
  if (error && error.status === 401) {
    askForToken(error, retry);
    return;
  }
  if (error && error.status === 403) {
    showError({ detail: `${error.detail} Ask whoever runs Bridgemap for a token whose role allows it, or sign out and use another.` });
  } else {
    showError(error);
  }
  console.warn('Bridgemap:', error.detail || error.message);
}

const retries = new Set();

/** The token form, in place of the page's content, until a token is entered. */
function askForToken(error, retry) {
  retries.add(retry);
  const main = document.getElementById('main-content');
  const rejected = Boolean(token());
  if (rejected) setToken(null);
  signOutLink();
  main.classList.add('bm-needs-token');
  let prompt = document.getElementById('token-prompt');
  if (!prompt) {
    prompt = h('div', { id: 'token-prompt', class: 'bm-token-prompt' });
    document.getElementById('error-summary').after(prompt);
  }
  prompt.dataset.page = document.querySelector('main h1')?.textContent || '';
  const message = rejected ? 'That token is not recognised. Check it and enter it again, or ask for a new one.' : null;
  renderTokenForm(prompt, message);
  if (message) showErrors([{ text: message, href: '#api-token' }]);
}

function renderTokenForm(prompt, message) {
  const describedBy = ['api-token-hint', message ? 'api-token-error' : null].filter(Boolean).join(' ');
  const input = h('input', { class: `govuk-input govuk-password-input__input govuk-js-password-input-input${message ? ' govuk-input--error' : ''}`,
    id: 'api-token', name: 'token', type: 'password', spellcheck: 'false', autocomplete: 'current-password', autocapitalize: 'none',
    'aria-describedby': describedBy });
  const group = h('div', { class: `govuk-form-group govuk-password-input${message ? ' govuk-form-group--error' : ''}`, 'data-module': 'govuk-password-input' },
    h('label', { class: 'govuk-label govuk-label--s', for: 'api-token' }, 'API token'),
    h('div', { class: 'govuk-hint', id: 'api-token-hint' }, 'It starts with bm_. Whoever runs Bridgemap gives each person their own.'),
    message ? h('p', { class: 'govuk-error-message', id: 'api-token-error' }, h('span', { class: 'govuk-visually-hidden' }, 'Error: '), message) : null,
    h('div', { class: 'govuk-input__wrapper govuk-password-input__wrapper' }, input,
      h('button', { type: 'button', class: 'govuk-button govuk-button--secondary govuk-password-input__toggle govuk-js-password-input-toggle',
        'data-module': 'govuk-button', 'aria-controls': 'api-token', 'aria-label': 'Show password', hidden: true }, 'Show')));
  const form = h('form', { id: 'token-form', novalidate: true, method: 'post', action: window.location.pathname },
    group, h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button', id: 'token-continue' }, 'Continue'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = input.value.trim();
    if (!value) {
      renderTokenForm(prompt, 'Enter your API token');
      showErrors([{ text: 'Enter your API token', href: '#api-token' }]);
      return;
    }
    setToken(value);
    prompt.remove();
    document.getElementById('main-content').classList.remove('bm-needs-token');
    clearError();
    signOutLink();
    const again = [...retries];
    retries.clear();
    again.forEach((retry) => retry());
  });
  replace(prompt,
    h('h1', { class: 'govuk-heading-l', id: 'token-heading' }, 'Enter your API token'),
    h('p', { class: 'govuk-body' }, `This Bridgemap server shows its data only to people with a token${prompt.dataset.page ? `: enter yours to see “${prompt.dataset.page}”` : ''}. `
      + 'The token is kept in this browser tab until you close it or sign out.'),
    form);
  try { new PasswordInput(group); } catch (e) { /* the field still works without the Show button */ }
}

/** "Sign out" in the header while a token is kept: forgets it and reloads the page. */
function signOutLink() {
  const container = document.querySelector('.govuk-header__container');
  if (!container) return;
  let link = document.getElementById('sign-out');
  if (!token()) {
    if (link) link.parentElement.remove();
    return;
  }
  if (link) return;
  link = h('a', { href: window.location.pathname, class: 'govuk-header__link', id: 'sign-out',
    onClick: (event) => {
      event.preventDefault();
      setToken(null);
      window.location.reload();
    } }, 'Sign out');
  container.append(h('div', { class: 'bm-account' }, link));
}

/** Puts the state into the form fields and the navigation links. */
function syncControls() {
  const form = document.getElementById('filters');
  if (form) {
    for (const key of STATE_KEYS) {
      const field = form.elements.namedItem(key);
      if (field && field.type !== 'hidden' && document.activeElement !== field) {
        if (field.tagName === 'SELECT' && current[key] && ![...field.options].some((o) => o.value === current[key])) continue;
        field.value = current[key];
      }
    }
  }
  const carried = Object.fromEntries(CARRIED.map((key) => [key, current[key]]));
  document.querySelectorAll('a[data-nav]').forEach((a) => {
    a.href = href(a.dataset.nav, carried);
  });
  document.querySelectorAll('a[data-keep-date]').forEach((a) => {
    const url = new URL(a.href, window.location.origin);
    if (current.asOf) url.searchParams.set('asOf', current.asOf);
    else url.searchParams.delete('asOf');
    a.href = url.pathname + url.search;
  });
}

/** Shows the data's default date in the date field when the URL names none. */
export function showDefaultDate(asOf) {
  const field = document.getElementById('asOf');
  if (field && !current.asOf && document.activeElement !== field) field.value = asOf;
  document.querySelectorAll('[data-as-of]').forEach((el) => { el.textContent = longDate(asOf); });
}

/** The loading message (a polite live region); '' hides it. */
export function status(text) {
  const el = document.getElementById('status');
  if (!el) return;
  el.textContent = text;
  el.hidden = !text;
}

/** Shows a problem (an ApiError or {detail, parameter}) in a GOV.UK error summary, linked to its field. */
export function showError(problem) {
  const detail = problem.detail || problem.message || 'Something went wrong.';
  const fieldId = problem.parameter && document.getElementById(problem.parameter) ? problem.parameter : null;
  showErrors([{ text: detail, href: fieldId ? `#${fieldId}` : null }]);
  if (fieldId) markField(fieldId, detail);
}

/** A GOV.UK error summary listing each problem ({text, href}), each linked to its field where it has one. */
export function showErrors(items) {
  const container = document.getElementById('error-summary');
  const summary = h('div', { class: 'govuk-error-summary', 'data-module': 'govuk-error-summary' },
    h('div', { role: 'alert' },
      h('h2', { class: 'govuk-error-summary__title' }, 'There is a problem'),
      h('div', { class: 'govuk-error-summary__body' },
        h('ul', { class: 'govuk-list govuk-error-summary__list' },
          items.map((item) => h('li', {}, item.href ? h('a', { href: item.href }, item.text) : item.text))))));
  replace(container, summary);
  try { new ErrorSummary(summary); } catch (e) { summary.setAttribute('tabindex', '-1'); summary.focus(); }
}

/** Marks a form field as in error with its message above it (GOV.UK pattern). */
export function markField(id, detail) {
  const field = document.getElementById(id);
  const group = field && field.closest('.govuk-form-group');
  if (!group) return;
  group.classList.add('govuk-form-group--error');
  field.classList.add(field.tagName === 'SELECT' ? 'govuk-select--error' : 'govuk-input--error');
  const message = h('p', { class: 'govuk-error-message', id: `${id}-error` },
    h('span', { class: 'govuk-visually-hidden' }, 'Error: '), detail);
  field.before(message);
  field.setAttribute('aria-describedby', `${id}-error`);
}

export function clearError() {
  const container = document.getElementById('error-summary');
  if (container) container.replaceChildren();
  document.querySelectorAll('.govuk-form-group--error').forEach((group) => {
    group.classList.remove('govuk-form-group--error');
    group.querySelectorAll('.govuk-error-message').forEach((m) => m.remove());
    group.querySelectorAll('.govuk-input--error, .govuk-select--error').forEach((f) => {
      f.classList.remove('govuk-input--error', 'govuk-select--error');
      f.removeAttribute('aria-describedby');
    });
  });
}

/** " in Lambeth": the borough chosen in the state, by its name in the borough select (its code until filled); '' for none. */
export function inBorough(state) {
  if (!state.borough) return '';
  return ` in ${document.getElementById('borough')?.selectedOptions[0]?.textContent || state.borough}`;
}

/** Fills the borough select (#borough) with "All boroughs" and every stored borough. */
export async function fillBoroughSelect() {
  const select = document.getElementById('borough');
  if (!select || select.dataset.filled) return;
  const list = await boroughs();
  replace(select, h('option', { value: '' }, 'All boroughs'), list.map((b) => h('option', { value: b.id }, b.name)));
  select.dataset.filled = 'yes';
  // The URL may name the borough ("?borough=Lambeth", as the API accepts): choose its option.
  const wanted = current.borough.toLowerCase();
  const chosen = list.find((b) => b.id.toLowerCase() === wanted || b.name.toLowerCase() === wanted);
  select.value = chosen ? chosen.id : current.borough;
}
