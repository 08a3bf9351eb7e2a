// Fetching from the Bridgemap API: JSON in, problem details (RFC 9457) turned into ApiError.
// The API token (when the server asks for one) is kept in sessionStorage and sent on every call.

/** An API failure a person can read: `detail` is shown in the error summary; `errors` lists every bad field. */
export class ApiError extends Error {
  constructor({ title, status, detail, parameter, errors }) {
    super(detail || title || 'The request failed');
    this.title = title || 'The request failed';
    this.status = status || 0;
    this.detail = detail || this.title;
    this.parameter = parameter || null;
    this.errors = Array.isArray(errors) ? errors : [];
  }
}

const TOKEN_KEY = 'bridgemap.token';
const cache = new Map();

/** The API token entered in this tab, or null. */
export function token() {
  try { return window.sessionStorage.getItem(TOKEN_KEY); } catch (e) { return null; }
}

/** Keeps the token for this tab (until it closes or the person signs out); forgets cached answers. */
export function setToken(value) {
  try {
    if (value) window.sessionStorage.setItem(TOKEN_KEY, value);
    else window.sessionStorage.removeItem(TOKEN_KEY);
  } catch (e) { /* storage refused: the token lasts until the page is left */ }
  cache.clear();
}

/** `/api/...` with query parameters (empty ones left out), as a string. */
export function apiUrl(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') query.set(key, value);
  }
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}

/** GET JSON; the same URL is fetched once per page load. Rejects with ApiError. */
export function getJson(path, params = {}) {
  const url = apiUrl(path, params);
  if (!cache.has(url)) {
    const pending = load(url);
    pending.catch(() => cache.delete(url));
    cache.set(url, pending);
  }
  return cache.get(url);
}

/** GET JSON without the page's cache, for lists that change (saved scenarios). */
export function getFresh(path, params = {}) {
  return load(apiUrl(path, params));
}

/** POST a JSON body; resolves with the JSON answer. Rejects with ApiError. */
export function postJson(path, params, body) {
  return load(apiUrl(path, params), { method: 'POST', body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json' } });
}

/** DELETE; resolves with null (204) or the JSON answer. */
export function deleteResource(path) {
  return load(path, { method: 'DELETE' });
}

/**
 * fetch() with the token, if one is kept; a server that does not answer becomes an ApiError whose detail ends with
 * `next` (what to do then).
 */
async function send(url, { method = 'GET', body, headers }, next) {
  const sent = { ...headers };
  const bearer = token();
  if (bearer) sent.Authorization = `Bearer ${bearer}`;
  try {
    return await fetch(url, { method, body, headers: sent });
  } catch (e) {
    throw new ApiError({ title: 'Bridgemap did not answer', detail: `Bridgemap did not answer. Check that the server is running, then ${next}.` });
  }
}

async function load(url, { method = 'GET', body, headers = {} } = {}) {
  const response = await send(url, { method, body, headers: { Accept: 'application/json, application/problem+json', ...headers } },
    'reload the page');
  const type = response.headers.get('Content-Type') || '';
  if (!response.ok) {
    if (type.includes('json')) {
      let problem = {};
      try { problem = await response.json(); } catch (e) { /* not JSON after all */ }
      throw new ApiError({ ...problem, status: problem.status || response.status });
    }
    throw new ApiError({ title: `Error ${response.status}`, status: response.status,
      detail: `Bridgemap answered with error ${response.status}. Try again, or reload the page.` });
  }
  if (response.status === 204 || !type.includes('json')) return null;
  return response.json();
}

/**
 * Downloads a file from the API (sending the token, which a plain link cannot) and saves it under the name the
 * server gives in Content-Disposition. Resolves with that name; rejects with ApiError.
 */
export async function download(path, params = {}) {
  const response = await send(apiUrl(path, params), { headers: { Accept: '*/*' } }, 'try again');
  if (!response.ok) {
    let problem = {};
    try { problem = await response.json(); } catch (e) { /* not JSON */ }
    throw new ApiError({ title: `Error ${response.status}`, detail: `Bridgemap answered with error ${response.status}.`,
      ...problem, status: problem.status || response.status });
  }
  const disposition = response.headers.get('Content-Disposition') || '';
  const name = (/filename="([^"]+)"/.exec(disposition) || [])[1] || 'bridgemap-export';
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60000);
  return name;
}

/** The boroughs with their map tiles, sorted by name. */
export async function boroughs() {
  const list = await getJson('/api/boroughs');
  return [...list].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/** The API's codes and names (needs, setting kinds) and the span of the stored data. */
export function vocabulary() {
  return getJson('/api/vocabulary');
}
