// Words and numbers as the people who use Bridgemap say them.

export const SECTORS = {
  criminal_justice: 'Criminal justice',
  health: 'Health',
  social_care: 'Social care',
  voluntary: 'Voluntary sector',
  housing: 'Housing',
  substance_misuse: 'Substance misuse',
  other: 'Other',
};

/** Setting kinds that have coverage cells, in the order people think of a journey through the system. */
export const SETTING_KINDS = {
  police_custody: 'police custody',
  magistrates_court: "magistrates' court",
  crown_court: 'Crown Court',
  probation_office: 'probation office',
  prison: 'prison',
};

const KINDS = {
  ...SETTING_KINDS,
  community: 'community setting',
  probation: 'probation',
  nhs_trust: 'NHS trust',
  local_authority: 'local authority',
  charity: 'charity',
  police: 'police',
  court_service: 'court service',
  prison_service: 'prison service',
  government: 'government',
  commissioner: 'commissioner',
  housing_provider: 'housing provider',
  private_provider: 'private provider',
  other: 'other',
  service: 'service',
  FMHP: 'FMHP',
  community_support_worker: 'community support worker',
  manager: 'manager',
};

/** Need names: the API's vocabulary (GET /api/vocabulary) once `useVocabulary` has been called. */
const NEEDS = new Map();

/** Takes the need names from the API's vocabulary; the names are used mid-sentence, so start lower case. */
export function useVocabulary(vocabulary) {
  for (const need of vocabulary?.needs || []) {
    const name = String(need.name || '');
    const lower = /^[A-Z][^A-Z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
    NEEDS.set(need.id, lower);
  }
}

const words = (code) => String(code ?? '').replace(/_/g, ' ');

export const sectorLabel = (code) => SECTORS[code] || words(code) || 'Unknown sector';
export const kindLabel = (code) => KINDS[code] || words(code);
/** The kind spelt out, for a heading or a details panel. */
export const kindLong = (code) => (code === 'FMHP' ? 'forensic mental health practitioner (FMHP)' : kindLabel(code));
export const needLabel = (code) => NEEDS.get(code) || words(code);
export const needsLabel = (codes) => (codes || []).map(needLabel).join(' + ');
/** "alcohol + substance misuse" (codes with spaces, as the what-if sentences give them) → the vocabulary's names. */
export const needWordsLabel = (text) => String(text).split(' + ')
  .map((w) => (NEEDS.has(w.trim().replace(/ /g, '_')) ? NEEDS.get(w.trim().replace(/ /g, '_')) : w)).join(' + ');

/** Capitalises the first letter. */
export const capital = (s) => (s ? s.charAt(0).toUpperCase() + s.slice(1) : s);

const nf = new Intl.NumberFormat('en-GB');

/**
 * Disclosure control: researchers get "*" for a count of 1 to 7 people or referrals, and for a rate built
 * on such a count; other counts are rounded to the nearest 5. Never compute with "*".
 */
export const SUPPRESSED = '*';
export const isSuppressed = (x) => x === SUPPRESSED;
/** How a suppressed count reads. */
export const FEWER_THAN_8 = 'fewer than 8';
/** How a suppressed rate reads. */
export const NOT_SHOWN = 'not shown (fewer than 8 people)';

/** A count as a number to draw or sort with: a suppressed count ("*", 1 to 7) counts as 4; no value as 0. */
export function approx(n) {
  if (isSuppressed(n)) return 4;
  return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}

/** Adds counts; with a suppressed one among them the answer is a phrase ("more than 120"), never NaN. */
export function sumCounts(values) {
  let sum = 0;
  let hidden = false;
  for (const v of values) {
    if (isSuppressed(v)) hidden = true;
    else if (typeof v === 'number' && Number.isFinite(v)) sum += v;
  }
  return hidden ? `more than ${nf.format(sum)}` : sum;
}

/** 1234 → "1,234"; null → "–"; a suppressed count → "fewer than 8"; a phrase stays as it is. */
export function num(n, digits) {
  if (isSuppressed(n)) return FEWER_THAN_8;
  if (typeof n === 'string') return n;
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  if (digits === undefined) return nf.format(n);
  return new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

/** A fraction 0–1 as "31.8%"; null → "–". */
/** Below this many people (or referrals) a rate can swing widely: it is shown with a caution (report/Words.FEW). */
export const FEW = 10;
/** " (only 6 people: caution)" when a rate rests on fewer than FEW (and some), else '' — as the command line writes it. */
export const caution = (base, unit = 'people') => (typeof base === 'number' && base > 0 && base < FEW ? ` (only ${base} ${unit}: caution)` : '');

export function pct(fraction, digits = 1) {
  if (isSuppressed(fraction)) return NOT_SHOWN;
  if (fraction === null || fraction === undefined || Number.isNaN(fraction)) return '–';
  return `${num(fraction * 100, digits)}%`;
}

/** "£2,042,910". */
export function gbp(amount) {
  if (isSuppressed(amount)) return NOT_SHOWN;
  if (amount === null || amount === undefined) return '–';
  return `£${nf.format(Math.round(amount))}`;
}

/** A rate that is not a share (referrals per FTE): a number, or "not shown" when suppressed. */
export function rateNum(x, digits) {
  if (isSuppressed(x)) return NOT_SHOWN;
  return num(x, digits);
}

/** A small measure such as betweenness, with enough significant figures to compare. */
export function measure(x) {
  if (isSuppressed(x)) return NOT_SHOWN;
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  if (x === 0) return '0';
  if (Math.abs(x) >= 1) return num(x, 1);
  return x.toPrecision(3);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];

/** "2014-06-30" → "30 June 2014". */
export function longDate(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** The same calendar day a year earlier (29 February → 28 February). */
export function yearBefore(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  const day = m === 2 && d === 29 ? 28 : d;
  return `${y - 1}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Today's date where the browser is, as YYYY-MM-DD. */
export function todayIso() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** "1 person" / "3 people" style counts; "fewer than 8 people" when suppressed. */
export function count(n, one, many) {
  return `${num(n)} ${n === 1 ? one : many}`;
}

/** The year of a date: "2014-06-30" → 2014. */
export const yearOf = (iso) => Number(String(iso).slice(0, 4));
