// Sortable GOV.UK tables: real <table>s, a <button> in each header, aria-sort, numeric sort for numbers.

import { h, p, replace } from './dom.js';
import { approx, isSuppressed } from './format.js';

/**
 * A sortable table, or a paragraph saying it is empty.
 * columns: [{label, value: row → string|number|null (what sorts), render?: row → node|string, numeric?: bool,
 *            sortable?: bool (default true)}]
 * options: {caption, captionClass, rows, sortBy (column index), descending, limit, empty, id}
 */
export function sortableTable({ caption, captionClass = 'govuk-table__caption--s', columns, rows, sortBy = 0,
  descending, limit = 0, empty = 'Nothing to show.', id, small = false }) {
  if (!rows || rows.length === 0) return p(empty);
  let sortIndex = sortBy;
  let desc = descending ?? !!columns[sortBy].numeric;
  let showAll = !limit || rows.length <= limit;

  const table = h('table', { class: `govuk-table bm-table${small ? ' bm-table--small' : ''}`, id });
  const cap = caption ? h('caption', { class: `govuk-table__caption ${captionClass}` }, caption) : null;
  const headRow = h('tr', { class: 'govuk-table__row' });
  const headers = columns.map((column, index) => {
    const th = h('th', { scope: 'col', class: `govuk-table__header${column.numeric ? ' govuk-table__header--numeric' : ''}` });
    if (column.sortable === false) {
      th.append(column.label);
    } else {
      th.append(h('button', { type: 'button', class: 'bm-sort', onClick: () => sortOn(index) }, column.label));
    }
    headRow.append(th);
    return th;
  });
  const tbody = h('tbody', { class: 'govuk-table__body' });
  table.append(...[cap, h('thead', { class: 'govuk-table__head' }, headRow), tbody].filter(Boolean));

  const more = h('button', { type: 'button', class: 'govuk-button govuk-button--secondary bm-show-all',
    onClick: () => { showAll = true; more.remove(); render(); } }, `Show all ${rows.length} rows`);
  const wrapper = h('div', { class: 'bm-table-wrap', tabindex: '0', role: 'region',
    'aria-label': typeof caption === 'string' ? caption : 'Table' }, table);
  const container = h('div', { class: 'bm-table-container' }, wrapper, showAll ? null : more);

  function sortOn(index) {
    if (index === sortIndex) desc = !desc;
    else { sortIndex = index; desc = !!columns[index].numeric; }
    render();
  }

  function sorted() {
    const column = columns[sortIndex];
    // A suppressed count ("*", 1 to 7 people) sorts between 0 and 8.
    const keyOf = (row) => {
      const key = column.value(row);
      if (column.numeric && typeof key === 'string') return isSuppressed(key) ? approx(key) : null;
      return key;
    };
    const keyed = rows.map((row, i) => ({ row, i, key: keyOf(row) }));
    keyed.sort((a, b) => {
      const x = a.key;
      const y = b.key;
      const xNull = x === null || x === undefined || Number.isNaN(x);
      const yNull = y === null || y === undefined || Number.isNaN(y);
      if (xNull || yNull) return xNull === yNull ? a.i - b.i : xNull ? 1 : -1; // blanks last either way
      let c = column.numeric ? x - y : String(x).localeCompare(String(y), 'en-GB', { numeric: true, sensitivity: 'base' });
      if (desc) c = -c;
      return c || a.i - b.i;
    });
    return keyed.map((k) => k.row);
  }

  function render() {
    headers.forEach((th, index) => {
      if (index === sortIndex) th.setAttribute('aria-sort', desc ? 'descending' : 'ascending');
      else if (columns[index].sortable !== false) th.setAttribute('aria-sort', 'none');
    });
    const list = sorted();
    const shown = showAll ? list : list.slice(0, limit);
    replace(tbody, shown.map((row) => h('tr', { class: 'govuk-table__row' }, columns.map((column, index) => {
      const content = column.render ? column.render(row) : column.value(row);
      const cellClass = `govuk-table__cell${column.numeric ? ' govuk-table__cell--numeric' : ''}`;
      return index === 0
        ? h('th', { scope: 'row', class: `govuk-table__header bm-row-header${column.numeric ? ' govuk-table__header--numeric' : ''}` }, content ?? '–')
        : h('td', { class: cellClass }, content ?? '–');
    }))));
  }

  render();
  return container;
}

/** The `pages` of a paged API answer by list name: {nodes: {list, path, total, offset, returned, leftOut, next, previous}, …}. */
export function pagesOf(answer) {
  return Object.fromEntries((answer.pages || []).map((page) => [page.list, page]));
}

/** The rows at a dotted `path` of an answer ("exclusionConflicts.betweenTwoStools"). */
export function rowsAt(answer, path) {
  return path.split('.').reduce((node, step) => (node ? node[step] : undefined), answer) || [];
}

/**
 * A sortable table of one paged list of an API answer (its entry in `pages`: total, offset, returned, next, previous),
 * with Previous and Next buttons that fetch the neighbouring page: `load(cursor)` resolves with the answer holding it.
 * Sorting a column sorts the rows of the page shown; the server sends them most important first.
 * options: as sortableTable's (rows: the first page's rows), plus name, page, load, onError.
 */
export function pagedTable({ name, page, load, onError, ...options }) {
  const holder = h('div', { class: 'bm-paged', id: options.id ? `${options.id}-pages` : undefined });
  const nf = new Intl.NumberFormat('en-GB');

  function show(rows, info) {
    const table = sortableTable({ ...options, rows, limit: 0 });
    if (!info || info.total <= info.returned) {
      replace(holder, table);
      return;
    }
    const from = info.offset + 1;
    const to = info.offset + info.returned;
    const button = (label, cursor, which) => h('button', { type: 'button', 'data-page': which,
      class: 'govuk-button govuk-button--secondary govuk-!-margin-right-2 govuk-!-margin-bottom-0',
      disabled: cursor ? null : 'disabled', onClick: () => go(cursor) }, label);
    replace(holder, table, h('div', { class: 'bm-pager' },
      p(`Rows ${nf.format(from)} to ${nf.format(to)} of ${nf.format(info.total)}.`),
      button('Previous', info.previous, 'previous'), button('Next', info.next, 'next')));
  }

  async function go(cursor) {
    if (!cursor) return;
    holder.setAttribute('aria-busy', 'true');
    try {
      const answer = await load(cursor);
      const info = pagesOf(answer)[name];
      show(rowsAt(answer, info.path), info);
      holder.querySelector('button[data-page]')?.focus();
    } catch (error) {
      if (onError) onError(error); else throw error;
    } finally {
      holder.removeAttribute('aria-busy');
    }
  }

  show(options.rows, page);
  return holder;
}
