// Fetching from the Bridgemap API: JSON in, problem details (RFC 9457) turned into ApiError.

/** An API failure a person can read: `detail` is shown in the error summary. */
export class ApiError extends Error {
  constructor({ title, status, detail, parameter }) {
    super(detail || title || 'The request failed');
    this.title = title || 'The request failed';
    this.status = status || 0;
    this.detail = detail || this.title;
    this.parameter = parameter || null;
  }
}

const cache = new Map();

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

async function load(url) {
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json, application/problem+json' } });
  } catch (e) {
    throw new ApiError({ title: 'Bridgemap did not answer', detail: 'Bridgemap did not answer. Check that the server is running, then reload the page.' });
  }
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
  return response.json();
}

/** The boroughs with their map tiles, sorted by name. */
export async function boroughs() {
  const list = await getJson('/api/boroughs');
  return [...list].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}
