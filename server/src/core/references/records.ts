// Previous recommendations, as the index holds them: one record per row of a source (a UPR Info
// export, an OHCHR thematic list, a UHRI export or the project's own JSON), whatever its layout.
// The project's own file format, `upr-recommendations/1`, is these records without their source
// position, validated by schemas/recommendations.schema.json. Pure: no file system.

export const RECOMMENDATIONS_FORMAT = 'upr-recommendations/1';

export type Response = 'supported' | 'noted';
export type ActionCategory = 1 | 2 | 3 | 4 | 5;
/**
 * How a source located the paragraph of a UPR Info row in the report: by its text, by a fuzzy
 * match, or by the text of a report item that names another recommending State (UPR Info credits
 * the same words to a State the report does not name for that item).
 */
export type ParagraphMatch = 'text' | 'fuzzy' | 'state-differs';

export interface RecommendationRecord {
  /** The source's own identifier of the row, e.g. `KGZ-S08-001`, when it has one. */
  id?: string;
  /**
   * The UN document symbol: `A/HRC/15/2` (UPR Working Group report), `CEDAW/C/KGZ/CO/5`,
   * `A/HRC/41/34/Add.1`. Absent when the source does not say (a plain UPR Info export): the
   * record cannot be cited by paragraph then, but is still found by search.
   */
  symbol?: string;
  /** `76.27` (paragraph 76, item 27) for the UPR, `12` for a treaty body. Only with a symbol. */
  paragraph?: string;
  /** The recommendation, without the recommending States in parentheses. */
  text: string;
  /**
   * The report item in the document's own words, recommending States included, when the source
   * gives it: several records (one per recommending State, or UPR Info's parts of one item) may
   * share one item.
   */
  reportText?: string;
  paragraphMatch?: ParagraphMatch;
  /** The State under review (or concerned), English name. */
  state: string;
  /** ISO 3166-1 alpha-3. */
  stateCode?: string;
  cycle?: number;
  session?: number;
  year?: number;
  /** For the UPR; empty for treaty bodies and special procedures. */
  recommendingStates: string[];
  /** `UPR`, a treaty body (`CEDAW`, `CRC`...) or a special procedure. */
  body?: string;
  response?: Response;
  actionCategory?: ActionCategory;
  /** UPR Info issues or OHCHR themes. */
  issues: string[];
  /** Goals and targets: `5`, `5.2`, `16.a`. */
  sdgs: string[];
  /** Where the row came from (1-based line), for "go to definition". */
  source: { file: string; line: number };
}

export type RecommendationEntry = Omit<RecommendationRecord, 'source'>;

export interface RecommendationFile {
  format: typeof RECOMMENDATIONS_FORMAT;
  sample?: boolean;
  description?: string;
  recommendations: RecommendationEntry[];
}

/** `A/HRC/15/2, para. 76.27`, or the symbol alone; undefined when the record has no symbol. */
export function canonicalReference(record: Pick<RecommendationRecord, 'symbol' | 'paragraph'>): string | undefined {
  if (!record.symbol) return undefined;
  return record.paragraph ? `${record.symbol}, para. ${record.paragraph}` : record.symbol;
}

/** A symbol as compared: no spaces, upper case (`a/hrc/15/2 ` and `A/HRC/15/2` are one document). */
export function symbolKey(symbol: string): string {
  return symbol.replace(/\s+/g, '').toUpperCase();
}

/** The key of a paragraph of a document: `A/HRC/15/2#76.27`. */
export function referenceKey(symbol: string, paragraph: string): string {
  return `${symbolKey(symbol)}#${paragraph.trim()}`;
}

/**
 * A State's name as compared: case, accents, a leading "the", `&` for "and" and punctuation do not
 * count ("Trinidad & Tobago" is "Trinidad and Tobago", "Côte d'Ivoire" is "Cote d Ivoire").
 */
export function stateKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/** An ISO 3166-1 alpha-3 code as written in a front matter: three capital letters. */
export function isStateCode(value: string): boolean {
  return /^[A-Z]{3}$/.test(value.trim());
}

/** Whether `name` occurs in `text` as whole words, compared as State names are. */
export function namesState(text: string, name: string): boolean {
  const key = stateKey(name);
  return key !== '' && ` ${stateKey(text)} `.includes(` ${key} `);
}

/**
 * A report item's text without the recommending States in parentheses at its end, as OHCHR
 * writes items: "Ratify the Optional Protocol ... (Portugal, Slovakia);", "(Maldives) (Portugal);".
 * Only a trailing run of parentheses that names nothing but the given States is taken away, so
 * "(CRPD)" or "(2015)" at the end of a recommendation stays.
 */
export function withoutRecommendingStates(text: string, states: readonly string[]): string {
  const trimmed = text.trim().replace(/[;.,]+$/, '').trimEnd();
  if (!states.length || !trimmed.endsWith(')')) return text.trim();
  const keys = states.map(stateKey).filter(Boolean).sort((a, b) => b.length - a.length);
  const namesOnlyStates = (tail: string): boolean => {
    let rest = ` ${stateKey(tail)} `;
    for (const key of keys) rest = rest.split(` ${key} `).join(' ');
    return /^(?:\s|\band\b)*$/.test(rest);
  };
  let cut = -1;
  // The earliest "(" from which the rest names only States (a name may hold parentheses itself:
  // "Venezuela (Bolivarian Republic of)").
  for (let at = trimmed.indexOf('('); at !== -1; at = trimmed.indexOf('(', at + 1)) {
    if (namesOnlyStates(trimmed.slice(at))) {
      cut = at;
      break;
    }
  }
  if (cut <= 0) return text.trim();
  const kept = trimmed.slice(0, cut).trimEnd().replace(/[,;]$/, '').trimEnd();
  return kept || text.trim();
}

/** The UPR cycle of a Working Group session: 1–12 → 1, 13–26 → 2, 27–40 → 3, 41 on → 4. */
export function cycleOfSession(session: number): number {
  if (session <= 12) return 1;
  if (session <= 26) return 2;
  if (session <= 40) return 3;
  return 4;
}

const ENTRY_KEYS: readonly (keyof RecommendationEntry)[] = [
  'id',
  'symbol',
  'paragraph',
  'text',
  'reportText',
  'paragraphMatch',
  'state',
  'stateCode',
  'cycle',
  'session',
  'year',
  'recommendingStates',
  'body',
  'response',
  'actionCategory',
  'issues',
  'sdgs',
];

/** A record as the file holds it: without its source, keys in one order, absent ones left out. */
export function toEntry(record: RecommendationEntry | RecommendationRecord): RecommendationEntry {
  const entry: Record<string, unknown> = {};
  for (const key of ENTRY_KEYS) {
    const value = record[key];
    if (value !== undefined) entry[key] = value;
  }
  return entry as unknown as RecommendationEntry;
}

/** The project's file for these records. */
export function toRecommendationFile(
  records: readonly (RecommendationEntry | RecommendationRecord)[],
  options: { description?: string; sample?: boolean } = {},
): RecommendationFile {
  return {
    format: RECOMMENDATIONS_FORMAT,
    ...(options.sample !== undefined ? { sample: options.sample } : {}),
    ...(options.description !== undefined ? { description: options.description } : {}),
    recommendations: records.map(toEntry),
  };
}

/**
 * The file as `upr import` writes it: one entry per line, so that a change to one recommendation
 * is one changed line, and a record's line is easy to find.
 */
export function serialiseRecommendationFile(file: RecommendationFile): string {
  const head: string[] = [`  "format": ${JSON.stringify(file.format)}`];
  if (file.sample !== undefined) head.push(`  "sample": ${JSON.stringify(file.sample)}`);
  if (file.description !== undefined) head.push(`  "description": ${JSON.stringify(file.description)}`);
  const entries = file.recommendations.map((entry) => `    ${JSON.stringify(toEntry(entry))}`);
  const list = entries.length ? `[\n${entries.join(',\n')}\n  ]` : '[]';
  return `{\n${head.join(',\n')},\n  "recommendations": ${list}\n}\n`;
}
