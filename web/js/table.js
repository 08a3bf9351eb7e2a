// Sortable GOV.UK tables: real <table>s, a <button> in each header, aria-sort, numeric sort for numbers.

import { h, p, replace } from './dom.js';

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
    const keyed = rows.map((row, i) => ({ row, i, key: column.value(row) }));
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
