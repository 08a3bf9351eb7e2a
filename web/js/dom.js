// Small DOM helpers: build elements without innerHTML, so data from the API is always text.

/**
 * h('a', {href: '/x', class: 'govuk-link'}, 'text', child) → element.
 * Attributes: `class`, `text`, `on<Event>` (a function), `dataset` (object), booleans, strings.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A GOV.UK paragraph. */
export const p = (...children) => h('p', { class: 'govuk-body' }, ...children);

/** A GOV.UK heading of the given level and size (l, m, s). */
export const heading = (level, size, text, attrs = {}) =>
  h(`h${level}`, { class: `govuk-heading-${size}`, ...attrs }, text);

/** A GOV.UK bulleted list of items (strings or nodes). */
export const bullets = (items) => h('ul', { class: 'govuk-list govuk-list--bullet' }, items.map((i) => h('li', {}, i)));

/** The "On this page" list of links to a page's sections: items are [id, text]. */
export const onThisPage = (items) => h('nav', { 'aria-label': 'On this page', class: 'govuk-!-margin-bottom-6' },
  h('h2', { class: 'govuk-heading-s govuk-!-margin-bottom-2' }, 'On this page'),
  h('ul', { class: 'govuk-list' }, items.map(([id, text]) => h('li', {}, h('a', { class: 'govuk-link', href: `#${id}` }, text)))));

/** Joins nodes/strings with a separator (", " by default). */
export function joined(items, separator = ', ') {
  const out = [];
  items.forEach((item, i) => {
    if (i > 0) out.push(separator);
    out.push(item);
  });
  return out;
}
