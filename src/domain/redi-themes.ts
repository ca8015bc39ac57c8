// Themes for the REDI digest: a small keyword classifier over what people wrote in the
// "practices" and "roadblocks" fields of their updates, so a roadblock in one department
// can be put next to a practice another department shared on the same subject.
//
// Deliberately plain: lower-cased, accents stripped (so "traducción", "traduccion" and
// "Tiếng Việt" / "tieng viet" match alike), keywords matched at word starts, and the theme
// with the most hits first. People write updates in English, Spanish and Vietnamese, so
// each theme has a few words in each. Text that matches nothing is "other".

export const REDI_THEMES = [
  'language-access',
  'disability-access',
  'community-engagement',
  'data',
  'training',
  'workforce',
  'procurement',
  'capacity',
  'other',
] as const;

export type RediTheme = (typeof REDI_THEMES)[number];

/**
 * Keywords per theme, accent-free and lower case. A keyword matches at the start of a word
 * ("translat" matches "translated", "translation"); a keyword ending in "$" must be the
 * whole word ("ada$" is the Act, not "adapted").
 */
const KEYWORDS: Record<Exclude<RediTheme, 'other'>, readonly string[]> = {
  'language-access': [
    'translat',
    'interpret',
    'language access',
    'languages',
    'multilingual',
    'bilingual',
    'spanish',
    'vietnamese',
    'tagalog',
    'chinese',
    'mandarin',
    'cantonese',
    'limited english',
    'lep$',
    'plain language',
    'plain-language',
    'idioma',
    'traduc',
    'interprete',
    'bilingue',
    'espanol',
    'vietnamita',
    'tieng viet',
    'phien dich',
    'dich thuat',
    'thong dich',
    'ngon ngu',
  ],
  'disability-access': [
    'disabilit',
    'disabled',
    'accessib',
    'ada$',
    'wheelchair',
    'screen reader',
    'braille',
    'caption',
    'asl$',
    'sign language',
    'deaf',
    'blind',
    'hard of hearing',
    'mobility',
    'discapacidad',
    'accesib',
    'silla de ruedas',
    'khuyet tat',
    'xe lan',
    'tiep can',
  ],
  'community-engagement': [
    'communit',
    'resident',
    'outreach',
    'engag',
    'listening session',
    'town hall',
    'focus group',
    'partner',
    'cbo',
    'neighborhood',
    'neighbourhood',
    'circle',
    'participant',
    'stakeholder',
    'comunidad',
    'comunitari',
    'residente',
    'vecin',
    'alcance',
    'cong dong',
    'nguoi dan',
    'cu dan',
  ],
  data: [
    'data',
    'dataset',
    'dashboard',
    'baseline',
    'metric',
    'measure',
    'disaggregat',
    'analys',
    'analytic',
    'survey',
    'rubric',
    'indicator',
    'datos',
    'encuesta',
    'indicador',
    'medicion',
    'du lieu',
    'khao sat',
    'chi so',
  ],
  training: [
    'training',
    'trained',
    'train$',
    'workshop',
    'curricul',
    'toolkit',
    'course',
    'learning',
    'coaching',
    'onboarding',
    'capacitacion',
    'entrenamiento',
    'taller',
    'formacion',
    'dao tao',
    'tap huan',
    'hoi thao',
  ],
  workforce: [
    'hiring',
    'hire',
    'hired',
    'recruit',
    'job posting',
    'applicant',
    'interview panel',
    'workforce',
    'promotion',
    'retention',
    'internship',
    'intern$',
    'career',
    'civil service',
    'reclutamiento',
    'contratacion de personal',
    'solicitante',
    'tuyen dung',
    'ung vien',
  ],
  procurement: [
    'procure',
    'contract',
    'vendor',
    'supplier',
    'rfp',
    'rfq',
    'bid$',
    'bids$',
    'bidder',
    'purchas',
    'small business',
    'sole source',
    'licitacion',
    'proveedor',
    'contrato',
    'compras',
    'nha cung cap',
    'hop dong',
    'dau thau',
  ],
  capacity: [
    'staff',
    'capacity',
    'workload',
    'vacanc',
    'understaff',
    'bandwidth',
    'overtime',
    'turnover',
    'budget',
    'funding',
    'headcount',
    'carga de trabajo',
    'presupuesto',
    'plazas vacantes',
    'nhan su',
    'nhan luc',
    'ngan sach',
  ],
};

/** Lower case, accents and the Vietnamese đ folded, whitespace collapsed. */
export function normalizeForThemes(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Common words that say nothing about the subject (English, Spanish, Vietnamese). */
const STOPWORDS = new Set(
  (
    'this that with from have been were will would could should their there they them than then what when which while ' +
    'into onto over under about after before more most some such only also very other each every department departments ' +
    'month months week weeks year years para como esta este estos estas pero porque sobre entre desde hasta cada otro otra ' +
    'mucho muy tiene tienen nuestro nuestra cua nhung trong cho duoc khong nhieu'
  ).split(' '),
);

/** The words of a text that carry its subject: 4+ letters, accent-free, no common words. */
export function contentWords(text: string): Set<string> {
  const words = normalizeForThemes(text).match(/[\p{L}\p{N}]{4,}/gu) ?? [];
  return new Set(words.filter((w) => !STOPWORDS.has(w)));
}

/** One regex per theme, counting keyword hits at word starts. */
const MATCHERS: readonly { theme: Exclude<RediTheme, 'other'>; pattern: RegExp }[] = (Object.keys(KEYWORDS) as Exclude<RediTheme, 'other'>[]).map((theme) => {
  const alternatives = KEYWORDS[theme].map((k) => (k.endsWith('$') ? `${escapeRegExp(k.slice(0, -1))}(?![\\p{L}\\p{N}])` : escapeRegExp(k)));
  return { theme, pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})`, 'gu') };
});

/**
 * The themes a text is about, most hits first (ties in REDI_THEMES order); ["other"] when
 * none matches.
 */
export function classifyThemes(text: string): RediTheme[] {
  const normalized = normalizeForThemes(text);
  if (normalized === '') return ['other'];
  const scored = MATCHERS.map(({ theme, pattern }, order) => ({ theme, order, hits: normalized.match(pattern)?.length ?? 0 }))
    .filter((s) => s.hits > 0)
    .sort((a, b) => b.hits - a.hits || a.order - b.order);
  return scored.length ? scored.map((s) => s.theme) : ['other'];
}

/** The one theme a text is filed under in the digest. */
export function primaryTheme(text: string): RediTheme {
  return classifyThemes(text)[0]!;
}

/** Themes two texts share, in the order of the first; "other" never counts as shared. */
export function sharedThemes(a: readonly RediTheme[], b: readonly RediTheme[]): RediTheme[] {
  return a.filter((t) => t !== 'other' && b.includes(t));
}
