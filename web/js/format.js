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

const NEEDS = {
  psychosis: 'psychosis',
  mood_anxiety: 'depression and anxiety',
  personality_disorder: 'personality disorder',
  learning_disability: 'learning disability',
  substance_misuse: 'drug misuse',
  alcohol: 'alcohol misuse',
  self_harm: 'self-harm or suicide risk',
  housing: 'housing or homelessness',
  women_specific: "women's specific needs",
};

const words = (code) => String(code ?? '').replace(/_/g, ' ');

export const sectorLabel = (code) => SECTORS[code] || words(code) || 'Unknown sector';
export const kindLabel = (code) => KINDS[code] || words(code);
/** The kind spelt out, for a heading or a details panel. */
export const kindLong = (code) => (code === 'FMHP' ? 'forensic mental health practitioner (FMHP)' : kindLabel(code));
export const needLabel = (code) => NEEDS[code] || words(code);
export const needsLabel = (codes) => (codes || []).map(needLabel).join(' + ');

/** Capitalises the first letter. */
export const capital = (s) => (s ? s.charAt(0).toUpperCase() + s.slice(1) : s);

const nf = new Intl.NumberFormat('en-GB');

/** 1234 → "1,234"; null → "–". */
export function num(n, digits) {
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  if (digits === undefined) return nf.format(n);
  return new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

/** A fraction 0–1 as "31.8%"; null → "–". */
export function pct(fraction, digits = 1) {
  if (fraction === null || fraction === undefined || Number.isNaN(fraction)) return '–';
  return `${num(fraction * 100, digits)}%`;
}

/** "£2,042,910". */
export function gbp(amount) {
  if (amount === null || amount === undefined) return '–';
  return `£${nf.format(Math.round(amount))}`;
}

/** A small measure such as betweenness, with enough significant figures to compare. */
export function measure(x) {
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

/** "1 person" / "3 people" style counts. */
export function count(n, one, many) {
  return `${num(n)} ${n === 1 ? one : many}`;
}
