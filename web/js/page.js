// What every page shares: GOV.UK Frontend start-up, the filters form, state kept in the URL
// (asOf, borough, sector, kind, node) and carried across the navigation, loading and error messages.

import { initAll, ErrorSummary } from '/lib/govuk-frontend/dist/govuk/govuk-frontend.min.js';
import { boroughs } from './api.js';
import { h, replace } from './dom.js';
import { longDate, todayIso } from './format.js';

export const MIN_DATE = '1993-01-01';
const STATE_KEYS = ['asOf', 'borough', 'sector', 'kind', 'node'];
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
 * `render(state, isCurrent)` now and whenever the state changes. `render` may throw ApiError.
 */
export function startPage(render) {
  document.body.classList.add('js-enabled', 'govuk-frontend-supported');
  initAll();
  renderer = render;
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
    current = readState();
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

function checkDate(value) {
  if (!value) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'Enter a real date, for example 30 June 2014';
  if (value < MIN_DATE) return `Choose a date on or after ${longDate(MIN_DATE)}, when the first practitioner was placed`;
  if (value > todayIso()) return 'Choose a date today or in the past';
  return null;
}

async function run() {
  const mine = ++sequence;
  clearError();
  syncControls();
  try {
    await renderer(current, () => mine === sequence);
  } catch (error) {
    if (mine !== sequence) return;
    status('');
    showError(error);
    console.warn('Bridgemap:', error.detail || error.message);
  }
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
  const container = document.getElementById('error-summary');
  const detail = problem.detail || problem.message || 'Something went wrong.';
  const fieldId = problem.parameter && document.getElementById(problem.parameter) ? problem.parameter : null;
  const item = fieldId ? h('a', { href: `#${fieldId}` }, detail) : detail;
  const summary = h('div', { class: 'govuk-error-summary', 'data-module': 'govuk-error-summary' },
    h('div', { role: 'alert' },
      h('h2', { class: 'govuk-error-summary__title' }, 'There is a problem'),
      h('div', { class: 'govuk-error-summary__body' },
        h('ul', { class: 'govuk-list govuk-error-summary__list' }, h('li', {}, item)))));
  replace(container, summary);
  if (fieldId) markField(fieldId, detail);
  try { new ErrorSummary(summary); } catch (e) { summary.setAttribute('tabindex', '-1'); summary.focus(); }
}

function markField(id, detail) {
  const field = document.getElementById(id);
  const group = field.closest('.govuk-form-group');
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

/** Fills the borough select (#borough) with "All boroughs" and every stored borough. */
export async function fillBoroughSelect() {
  const select = document.getElementById('borough');
  if (!select || select.dataset.filled) return;
  const list = await boroughs();
  replace(select, h('option', { value: '' }, 'All boroughs'), list.map((b) => h('option', { value: b.id }, b.name)));
  select.dataset.filled = 'yes';
  select.value = current.borough;
}
