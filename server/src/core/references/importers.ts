// Importers of previous recommendations: CSV exports in four layouts, recognised by their header
// row, with commas, semicolons (Excel with Russian or most continental European regional settings)
// or tabs between fields, also told from the header row; and the project's own JSON
// (schemas/recommendations.schema.json). Each row becomes a RecommendationRecord, checked by ajv
// against the schema's `recommendation` definition; a row that fails is reported by its 1-based
// line with the reason and left out, the others are kept.
// Rows that are read but look wrong (the same row twice, a State name its code contradicts, a
// reference column its symbol and paragraph contradict) are kept and reported as warnings.
// Pure (text in, records out) and never throws, whatever it is given.
//
// Layouts:
//   upr-info-export      UPR Info database export: To, To-Rgrp, To-Org, Text, From, From-Rgrp,
//                        From-Org, Response, Action, Issue, Session. No symbol or paragraph: the
//                        rows are found by search but cannot be cited by paragraph.
//   upr-info-located     UPR Info rows with the paragraph located in the report, as in
//                        shared/data/upr/recommendations.csv (id, state_under_review, sur_iso3,
//                        cycle, wg_session, year, wg_report_symbol, paragraph, reference,
//                        paragraph_match, text, recommending_state, response, action_category,
//                        issues, report_text).
//   ohchr-thematic-list  OHCHR "thematic list of recommendations" matrices, as in
//                        shared/data/upr/slovenia_cycles2-4_thematic_lists.csv (state_under_review,
//                        cycle, wg_session, wg_report_symbol, paragraph, reference, text,
//                        recommending_states, position, themes, sdgs, ...).
//   uhri-export          Universal Human Rights Index export. UNVERIFIED: no real export was
//                        available. The columns assumed are those a third-party reader of UHRI
//                        exports names (Text, Countries Concerned, "Reccomending Body" with OHCHR's
//                        spelling, Document Symbol, Themes, Sdgs, Document Publication Date, UPR
//                        Position, UPR Reccomending States, UPR Session; several values in one cell
//                        on separate lines, each after "- "; dates as spreadsheet serial numbers)
//                        and plain aliases (Symbol, Paragraph, Recommendation, Body, Mechanism,
//                        Country, State, SDGs, Year, Response, Position). The paragraph, when no
//                        column gives it, is read from the start of the text ("115.3 Ratify ...",
//                        "Rural women 49. The Committee ...").

import Ajv, { type ErrorObject } from 'ajv';
import * as l10n from '@vscode/l10n';
import { parse } from 'csv-parse/sync';
import { parseDocument } from 'yaml';
import schema from '../../../../schemas/recommendations.schema.json';
import { describeValueError, displayPath, errorPath, nodeAt, shown } from '../yamlSchema';
import {
  canonicalReference,
  cycleOfSession,
  symbolKey,
  withoutRecommendingStates,
  type RecommendationEntry,
  type RecommendationFile,
  type RecommendationRecord,
  type Response,
} from './records';
import { findState } from './states';

export type CsvLayout = 'upr-info-export' | 'upr-info-located' | 'ohchr-thematic-list' | 'uhri-export';
export type Layout = CsvLayout | 'upr-recommendations-json';

export interface ImportError {
  /** 1-based line of the file. */
  line: number;
  message: string;
}

export interface ImportResult {
  /** The rows that passed, in file order. */
  records: RecommendationRecord[];
  /** One entry per problem, in line order; a row with an error gives no record. */
  errors: ImportError[];
  /**
   * Rows kept that look wrong (see "Warnings" below), in line order; they never stop an import.
   * Only for CSV: the project's JSON is written from an import that said them already, and is
   * read at every start of the language server, where nobody would see them.
   */
  warnings: ImportError[];
  /** The layout recognised; undefined when none was. */
  layout: Layout | undefined;
  /** Rows read after the header (entries of a JSON file), good or bad. */
  rows: number;
  /** The file's `description`, for JSON. */
  description?: string;
  /** The file's `sample` flag, for JSON. */
  sample?: boolean;
}

const ajv = new Ajv({ allErrors: true, strict: false });
const validateFile = ajv.compile<RecommendationFile>(schema);
const validateEntry = ajv.compile<RecommendationEntry>({ ...schema.definitions.recommendation, definitions: schema.definitions });

// ---------------------------------------------------------------------------------------------
// Layouts

type Field =
  | 'id'
  | 'symbol'
  | 'paragraph'
  | 'reference'
  | 'paragraphMatch'
  | 'text'
  | 'reportText'
  | 'state'
  | 'stateCode'
  | 'cycle'
  | 'session'
  | 'year'
  | 'recommendingStates'
  | 'body'
  | 'response'
  | 'actionCategory'
  | 'issues'
  | 'themeHeading'
  | 'sdgs';

interface LayoutSpec {
  name: CsvLayout;
  /** What a message calls it. */
  title: string;
  /** Normalised header names (see `headerKey`) for each field, first match wins. */
  columns: Partial<Record<Field, readonly string[]>>;
  /** Fields whose column must be there for the layout to be recognised. */
  required: readonly Field[];
  /** The header as the source writes it, for the "unknown layout" message. */
  expected: string;
}

const LAYOUTS: readonly LayoutSpec[] = [
  {
    name: 'upr-info-located',
    title: 'UPR Info rows with paragraphs',
    columns: {
      id: ['id'],
      state: ['state under review'],
      stateCode: ['sur iso3'],
      cycle: ['cycle'],
      session: ['wg session'],
      year: ['year'],
      symbol: ['wg report symbol'],
      paragraph: ['paragraph'],
      reference: ['reference'],
      paragraphMatch: ['paragraph match'],
      text: ['text'],
      recommendingStates: ['recommending state'],
      response: ['response'],
      actionCategory: ['action category'],
      issues: ['issues'],
      reportText: ['report text'],
    },
    required: ['state', 'text', 'recommendingStates', 'symbol', 'paragraph'],
    expected: 'id, state_under_review, sur_iso3, cycle, wg_session, year, wg_report_symbol, paragraph, text, recommending_state, response, action_category, issues',
  },
  {
    name: 'ohchr-thematic-list',
    title: 'OHCHR thematic list',
    columns: {
      state: ['state under review'],
      cycle: ['cycle'],
      session: ['wg session'],
      symbol: ['wg report symbol'],
      paragraph: ['paragraph'],
      reference: ['reference'],
      text: ['text'],
      recommendingStates: ['recommending states'],
      response: ['position'],
      themeHeading: ['theme heading'],
      issues: ['themes'],
      sdgs: ['sdgs'],
    },
    required: ['state', 'text', 'recommendingStates', 'symbol', 'paragraph', 'response'],
    expected: 'state_under_review, cycle, wg_session, wg_report_symbol, paragraph, text, recommending_states, position, themes, sdgs',
  },
  {
    name: 'upr-info-export',
    title: 'UPR Info export',
    columns: {
      state: ['to'],
      text: ['text'],
      recommendingStates: ['from'],
      response: ['response'],
      actionCategory: ['action'],
      issues: ['issue', 'issues'],
      session: ['session'],
    },
    required: ['state', 'text', 'recommendingStates'],
    expected: 'To, To-Rgrp, To-Org, Text, From, From-Rgrp, From-Org, Response, Action, Issue, Session',
  },
  {
    name: 'uhri-export',
    title: 'Universal Human Rights Index export',
    columns: {
      text: ['text', 'recommendation', 'recommendation text'],
      state: ['countries concerned', 'country concerned', 'country', 'countries', 'state', 'state concerned', 'state under review'],
      symbol: ['document symbol', 'symbol'],
      paragraph: ['paragraph', 'para', 'paragraph number'],
      body: ['reccomending body', 'recommending body', 'body', 'mechanism'],
      issues: ['themes', 'theme'],
      sdgs: ['sdgs', 'sdg'],
      year: ['year', 'document publication date', 'publication date'],
      response: ['upr position', 'position', 'response'],
      recommendingStates: ['upr reccomending states', 'upr recommending states', 'recommending states', 'recommending state'],
      session: ['upr session', 'session'],
      cycle: ['upr cycle', 'cycle'],
    },
    required: ['text', 'state'],
    expected: 'Symbol (or Document symbol), Paragraph, Text (or Recommendation), Body (or Mechanism), Country (or State), Themes, SDGs, Year, Response (or Position)',
  },
];

/** `To-Rgrp` → `to rgrp`, `wg_report_symbol` → `wg report symbol`, `Document Symbol` → `document symbol`. */
function headerKey(name: string): string {
  return name.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s_\-]+/g, ' ');
}

interface ResolvedLayout {
  spec: LayoutSpec;
  /** Column index of each field present. */
  index: Partial<Record<Field, number>>;
  /** The header as written, for messages. */
  header: string[];
}

/** The columns of a layout the header has, by field. */
function columnsFound(spec: LayoutSpec, keys: readonly string[]): Partial<Record<Field, number>> {
  const index: Partial<Record<Field, number>> = {};
  for (const [field, names] of Object.entries(spec.columns) as [Field, readonly string[]][]) {
    const at = names.map((name) => keys.indexOf(name)).find((found) => found !== -1);
    if (at !== undefined) index[field] = at;
  }
  return index;
}

function detectLayout(header: string[]): ResolvedLayout | undefined {
  const keys = header.map(headerKey);
  for (const spec of LAYOUTS) {
    const index = columnsFound(spec, keys);
    if (!spec.required.every((field) => index[field] !== undefined)) continue;
    // A UHRI export says where the recommendation comes from: a symbol or a body.
    if (spec.name === 'uhri-export' && index.symbol === undefined && index.body === undefined) continue;
    return { spec, index, header };
  }
  return undefined;
}

/** A field's column as the layout's source writes it (`wg_report_symbol`, `Text`). */
function columnName(spec: LayoutSpec, field: Field): string {
  const keys = spec.columns[field] ?? [];
  const written = spec.expected.split(', ').map((name) => name.replace(/ \(or .*\)$/, ''));
  return written.find((name) => keys.includes(headerKey(name))) ?? keys[0] ?? field;
}

/**
 * Why a header is no known layout: the required columns it lacks, of the layout it has most of
 * (two at least); otherwise every layout's columns, and the separator the header was split by
 * when it is not a comma (the columns expected are listed with commas, which a file with
 * semicolons need not have).
 */
function unknownLayoutMessage(header: readonly string[] = [], separator: Separator = ','): string {
  const keys = header.map(headerKey);
  const closest = LAYOUTS.map((spec) => {
    const index = columnsFound(spec, keys);
    return { spec, found: spec.required.filter((field) => index[field] !== undefined).length, missing: spec.required.filter((field) => index[field] === undefined) };
  }).sort((a, b) => b.found - a.found)[0];
  if (closest.found >= 2 && closest.missing.length) {
    return l10n.t('the header looks like "{0}" but lacks: {1}', closest.spec.title, closest.missing.map((field) => `"${columnName(closest.spec, field)}"`).join(', '));
  }
  const layouts = LAYOUTS.map((spec) => `${spec.expected} (${spec.title})`).join('; ');
  if (separator === ';') return l10n.t('unknown layout (read with semicolons between fields): expected columns {0}', layouts);
  if (separator === '\t') return l10n.t('unknown layout (read with tabs between fields): expected columns {0}', layouts);
  return l10n.t('unknown layout: expected columns {0}', layouts);
}

// ---------------------------------------------------------------------------------------------
// Values

const RESPONSES: Record<string, Response> = {
  supported: 'supported',
  accepted: 'supported',
  'enjoys support': 'supported',
  noted: 'noted',
  rejected: 'noted',
  'not supported': 'noted',
  'not accepted': 'noted',
};

const PARAGRAPH_MATCHES: Record<string, RecommendationEntry['paragraphMatch']> = {
  'text-match': 'text',
  'fuzzy-match': 'fuzzy',
};

/** A cell without spaces around it and without UHRI's "- " before a value. */
function clean(value: string | undefined): string {
  return (value ?? '').trim().replace(/^-\s+/, '').trim();
}

/** Several values in one cell: `|`, `;` or line breaks between them (and `,` where `commas`). */
function list(value: string | undefined, commas = false): string[] {
  const separator = commas ? /[|;,\r\n]+/ : /[|;\r\n]+/;
  return (value ?? '')
    .split(separator)
    .map(clean)
    .filter((item) => item !== '');
}

/** A whole number as a number; anything else as written, for the schema to reject by name. */
function integer(value: string | undefined): number | string | undefined {
  const text = clean(value);
  if (text === '') return undefined;
  if (/^\d+(?:\.0+)?$/.test(text)) return Number.parseInt(text, 10);
  return text;
}

function response(value: string | undefined): Response | string | undefined {
  const text = clean(value);
  if (text === '') return undefined;
  return RESPONSES[text.toLowerCase().replace(/\s+/g, ' ')] ?? text;
}

/** `2019`, `2019-03-08`, `08/03/2019`, or a spreadsheet's day number (46078 is in 2026). */
function year(value: string | undefined): number | string | undefined {
  const text = clean(value);
  if (text === '') return undefined;
  if (/^\d{5}(?:\.\d+)?$/.test(text)) return new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(text)) * 86400000).getUTCFullYear();
  const found = /(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)/.exec(text);
  return found ? Number(found[1]) : text;
}

/** `1.4 - Equal rights to economic resources` → `1.4`; `16 - PEACE, JUSTICE...` → `16`. */
function sdg(value: string): string {
  const found = /^(?:SDG\s*)?(\d{1,2}(?:\.(?:\d{1,2}|[a-z]))?)(?![\d.])/i.exec(value.trim());
  return found ? found[1].toLowerCase() : value.trim();
}

/** A paragraph number at the start of a UHRI text: `115.3 Ratify ...`, `Rural women 49. The Committee ...`. */
function paragraphInText(text: string): string | undefined {
  const leading = /^\s*(\d{1,3}(?:\.\d{1,3})?)[.)]?\s+(?=\p{Lu})/u.exec(text);
  if (leading) return leading[1];
  const afterHeading = /^[^\n\d.]{1,100}?\s(\d{1,3})\.\s?(?=\p{Lu})/u.exec(text);
  return afterHeading?.[1];
}

function sessionOf(value: string | undefined): number | string | undefined {
  // UHRI writes "35th session" or "35 Session"; the other layouts a plain number.
  const text = clean(value);
  const found = /^(\d{1,3})(?:st|nd|rd|th)?(?:\s+session)?$/i.exec(text);
  return found ? Number(found[1]) : integer(value);
}

/** The entry of a row, before validation; values that cannot be read stay as written. */
function mapRow(layout: ResolvedLayout, cells: string[]): Record<string, unknown>[] {
  const at = (field: Field): string | undefined => {
    const index = layout.index[field];
    return index === undefined ? undefined : cells[index];
  };
  const name = layout.spec.name;
  const entry: Record<string, unknown> = {};
  const put = (key: keyof RecommendationEntry, value: unknown) => {
    if (value !== undefined && value !== '') entry[key] = value;
  };

  const recommendingStates = name === 'upr-info-export' || name === 'upr-info-located' ? list(at('recommendingStates')).slice(0, 1) : list(at('recommendingStates'));
  const rawText = (at('text') ?? '').trim();
  put('id', clean(at('id')));
  put('symbol', clean(at('symbol')));
  put('paragraph', clean(at('paragraph')) || (name === 'uhri-export' ? paragraphInText(rawText) : undefined));
  if (name === 'ohchr-thematic-list') {
    put('text', withoutRecommendingStates(rawText, recommendingStates));
    put('reportText', rawText);
  } else {
    put('text', name === 'uhri-export' ? rawText.replace(/^\s*\d{1,3}(?:\.\d{1,3})?[.)]?\s+(?=\p{Lu})/u, '') : rawText);
    put('reportText', (at('reportText') ?? '').trim());
  }
  const match = clean(at('paragraphMatch')).toLowerCase();
  if (match) put('paragraphMatch', match.includes('different recommending state') ? 'state-differs' : (PARAGRAPH_MATCHES[match.split(';')[0].trim()] ?? match));
  put('stateCode', clean(at('stateCode')).toUpperCase());
  put('cycle', integer(at('cycle')));
  const session = sessionOf(at('session'));
  put('session', session);
  if (entry.cycle === undefined && typeof session === 'number' && session >= 1) put('cycle', cycleOfSession(session));
  put('year', year(at('year')));
  entry.recommendingStates = recommendingStates;
  put('body', name === 'uhri-export' ? list(at('body'))[0] : 'UPR');
  put('response', response(at('response')));
  put('actionCategory', integer(at('actionCategory')));
  const issues = list(at('issues'), name === 'upr-info-export');
  const heading = clean(at('themeHeading'));
  if (heading && !issues.includes(heading)) issues.unshift(heading);
  entry.issues = issues;
  entry.sdgs = list(at('sdgs')).map(sdg);

  // A UHRI annotation may concern several States: one record for each.
  const states = name === 'uhri-export' ? list(at('state')) : [clean(at('state'))];
  return (states.length ? states : ['']).map((state) => ({ ...entry, ...(state ? { state } : {}) }));
}

// ---------------------------------------------------------------------------------------------
// Messages

/** Where in the source a value was: `column "Response"`. */
function columnOf(layout: ResolvedLayout, field: string): string {
  const index = layout.index[field as Field];
  return l10n.t('column "{0}"', index === undefined ? field : layout.header[index].trim());
}

/** One problem of a row, in words; `entry` is what the row was read as. */
function describeRowError(error: ErrorObject, entry: Record<string, unknown>, layout: ResolvedLayout): string {
  const path = errorPath(error);
  const field = String(error.keyword === 'required' ? error.params.missingProperty : (path[0] ?? ''));
  const where = columnOf(layout, field);
  const value = path.length ? valueAtPath(entry, path) : entry[field];
  const written = typeof value === 'string' ? value : JSON.stringify(value);
  switch (field) {
    case 'response':
      return l10n.t('unknown response "{0}" ({1}): expected Supported, Accepted or Noted', written, where);
    case 'actionCategory':
      return l10n.t('action category "{0}" ({1}) is not a whole number from 1 to 5', written, where);
    case 'cycle':
      return l10n.t('cycle "{0}" ({1}) is not a whole number from 1 to 20', written, where);
    case 'session':
      return l10n.t('session "{0}" ({1}) is not a whole number from 1 to 300', written, where);
    case 'year':
      return l10n.t('"{0}" ({1}) is not a year', written, where);
    case 'paragraphMatch':
      return l10n.t('unknown paragraph match "{0}" ({1})', written, where);
    default:
      return (
        describeField(field, error.keyword, written, where, columnOf(layout, 'symbol')) ??
        l10n.t('{0} ({1})', error.message ?? error.keyword, where)
      );
  }
}

/** What is wrong with a text value, said the same for a CSV column and a JSON key. */
function describeField(field: string, keyword: string, written: string, where: string, symbolWhere: string): string | undefined {
  switch (field) {
    case 'text':
      return l10n.t('no recommendation text ({0})', where);
    case 'state':
      return l10n.t('no State under review ({0})', where);
    case 'symbol':
      return l10n.t('"{0}" is not a UN document symbol such as A/HRC/15/2 ({1})', written, where);
    case 'paragraph':
      if (keyword === 'dependencies') return l10n.t('paragraph {0} without a document symbol ({1})', written, symbolWhere);
      return l10n.t('"{0}" is not a paragraph number such as 76.27 or 12 ({1})', written, where);
    case 'stateCode':
      return l10n.t('"{0}" is not an ISO 3166-1 alpha-3 code ({1})', written, where);
    case 'sdgs':
      return l10n.t('"{0}" is not an SDG goal or target such as 5 or 5.2 ({1})', written, where);
    default:
      return undefined;
  }
}

function valueAtPath(value: unknown, path: (string | number)[]): unknown {
  let node = value;
  for (const part of path) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return node;
}

/**
 * One string for the values records repeat (States, bodies, responses, issues, symbols): a parser
 * gives each occurrence its own, and 40,000 records hold few distinct ones.
 */
function interner(): (record: RecommendationEntry) => void {
  const pool = new Map<string, string>();
  const one = (value: string): string => {
    const known = pool.get(value);
    if (known !== undefined) return known;
    pool.set(value, value);
    return value;
  };
  const all = (values: string[]) => {
    for (let i = 0; i < values.length; i++) values[i] = one(values[i]);
  };
  return (record) => {
    record.state = one(record.state);
    if (record.stateCode !== undefined) record.stateCode = one(record.stateCode);
    if (record.symbol !== undefined) record.symbol = one(record.symbol);
    if (record.body !== undefined) record.body = one(record.body);
    if (record.response !== undefined) record.response = one(record.response) as Response;
    all(record.recommendingStates);
    all(record.issues);
    all(record.sdgs);
  };
}

/** ajv reports a failed `dependencies` on the object: move it to the paragraph. */
function rowErrors(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors
    .map((error) => (error.keyword === 'dependencies' ? { ...error, instancePath: '/paragraph' } : error))
    .filter((error) => {
      const path = error.keyword === 'required' ? `/${String(error.params.missingProperty)}` : error.instancePath.split('/').slice(0, 2).join('/');
      if (seen.has(path)) return false;
      seen.add(path);
      return true;
    });
}

// ---------------------------------------------------------------------------------------------
// Warnings: rows read and kept that look wrong, said with what to check. An export may hold a row
// twice on purpose, and only its reader knows which of two contradicting columns is right, so
// neither is a reason to refuse the file. Each check costs a Map lookup a row: 40,000 rows stay fast.
// The project's JSON is not checked (see ImportResult.warnings).

/** `A/HRC/15/2, para. 76.27` (also `para 76.27`, `paragraph 76.27`, `п. 76.27`): the symbol and paragraph. */
const REFERENCE = /^(.+?)[\s,]+(?:paras?\.?|paragraphs?|п\.)\s*(\S+?)[.;]?$/iu;

/** Whether a reference column names the record's symbol and paragraph, however it spaces them. */
function referenceAgrees(reference: string, record: RecommendationEntry): boolean {
  if (reference === canonicalReference(record)) return true;
  const parts = REFERENCE.exec(reference);
  const [symbol, paragraph] = parts ? [parts[1], parts[2]] : [reference, ''];
  return symbolKey(symbol) === symbolKey(record.symbol ?? '') && paragraph === (record.paragraph ?? '');
}

/**
 * What, beside its text, makes a record the same as another: its State, its report and paragraph
 * or, without a symbol (a UPR Info export), its session, and its recommending States. The State
 * counts: a UHRI row may concern several, and an export may give a paragraph once for each.
 */
function duplicateKey(record: RecommendationEntry): string {
  const review = record.symbol ? `${record.symbol}#${record.paragraph ?? ''}` : `${record.session ?? ''}#${record.cycle ?? ''}`;
  return `${record.state}\u0000${review}\u0000${record.recommendingStates.join('|')}`;
}

/**
 * The checks of one file: `check(record, line, reference)` for each record kept, in line order,
 * adds to `warnings` what is wrong with it; `reference` is the row's reference column, if any.
 */
function warningChecks(warnings: ImportError[], layout: ResolvedLayout) {
  const where = (field: Field) => columnOf(layout, field);
  // Rows by text first: most texts occur once, and need no key. A text met again maps the rest of
  // what makes a row the same (duplicateKey) to the first line that had it.
  const byText = new Map<string, { record: RecommendationEntry; line: number } | Map<string, number>>();
  // Few pairs of name and code occur: each is looked up in the list of States once, by code then
  // name (both interned: their hashes are known, and no key is built for each row).
  const stateWarnings = new Map<string, Map<string, string | undefined>>();
  const stateWarning = (state: string, code: string): string | undefined => {
    let byName = stateWarnings.get(code);
    if (!byName) stateWarnings.set(code, (byName = new Map()));
    if (byName.has(state)) return byName.get(state);
    const named = findState(state);
    const coded = findState(code);
    const message =
      named && coded && named !== coded
        ? l10n.t('{0} gives {1} but {2} gives {3}, the code of {4}: check which is right', where('state'), state, where('stateCode'), code, coded.name)
        : undefined;
    byName.set(state, message);
    return message;
  };

  return (record: RecommendationEntry, line: number, reference: string): void => {
    if (reference && !referenceAgrees(reference, record)) {
      const cited = canonicalReference(record);
      warnings.push({
        line,
        message: cited
          ? l10n.t('{0} gives "{1}" but {2} and {3} give "{4}": check which is right; the row is imported as "{4}"', where('reference'), reference, where('symbol'), where('paragraph'), cited)
          : l10n.t('{0} gives "{1}" but {2} and {3} are empty: check the row; it is imported without a reference and cannot be cited by paragraph', where('reference'), reference, where('symbol'), where('paragraph')),
      });
    }
    const stateMessage = record.stateCode === undefined ? undefined : stateWarning(record.state, record.stateCode);
    if (stateMessage) warnings.push({ line, message: stateMessage });
    const seen = byText.get(record.text);
    let earlier: number | undefined;
    if (seen === undefined) byText.set(record.text, { record, line });
    else {
      const lines = seen instanceof Map ? seen : new Map([[duplicateKey(seen.record), seen.line]]);
      if (lines !== seen) byText.set(record.text, lines);
      const key = duplicateKey(record);
      earlier = lines.get(key);
      if (earlier === undefined) lines.set(key, line);
    }
    if (earlier !== undefined && earlier !== line) {
      warnings.push({
        line,
        message: record.symbol
          ? l10n.t('the same recommendation as line {0} (same report, paragraph, recommending States and text): check whether the file lists it twice; both are imported', earlier)
          : l10n.t('the same recommendation as line {0} (same State under review, session, recommending States and text): check whether the file lists it twice; both are imported', earlier),
      });
    }
  };
}

// ---------------------------------------------------------------------------------------------
// CSV

interface CsvRow {
  record: string[];
  raw: string;
  info: { lines: number };
}

interface CsvError extends Error {
  code?: string;
  lines?: number;
  raw?: string;
  record?: string[];
}

const LINE_BREAK = /\r\n|\n|\r/g;

type Separator = ',' | ';' | '\t';

/** In the order a tie is settled: comma first. */
const SEPARATORS: readonly Separator[] = [',', ';', '\t'];

/** The header is looked for in this much of the file at most. */
const HEADER_SCAN = 65536;

/**
 * The separator of a CSV export: of comma, semicolon and tab, the one that splits the header row
 * into the most fields, as csv-parse reads it with quotes only around whole fields; comma when
 * tied. Only the header is read, so that it costs nothing.
 */
function csvSeparator(text: string): Separator {
  const start = text.slice(0, HEADER_SCAN);
  let best: Separator = ',';
  let most = 0;
  for (const separator of SEPARATORS) {
    let fields = 0;
    try {
      const [header] = parse(start, { bom: true, delimiter: separator, relax_column_count: true, skip_empty_lines: true, to: 1 }) as string[][];
      fields = header?.length ?? 0;
    } catch {
      // A header this separator cannot read does not count: read with another separator, a quoted
      // field ("Notes; a; b") has its quote in the middle of a field.
    }
    if (fields > most) {
      best = separator;
      most = fields;
    }
  }
  return best;
}

/** The line a record starts on, from the line it ends on and its raw text. */
function startLine(endLine: number, raw: string | undefined): number {
  if (!raw) return endLine;
  const body = raw.replace(/^(?:\r\n|\n|\r)+/, '').replace(/(?:\r\n|\n|\r)$/, '');
  return Math.max(1, endLine - (body.match(LINE_BREAK)?.length ?? 0));
}

function csvErrorMessage(error: CsvError, columns: number | undefined): string {
  switch (error.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
      return l10n.t('the row has {0} fields where the header has {1}', String(error.record?.length ?? '?'), String(columns ?? '?'));
    case 'CSV_QUOTE_NOT_CLOSED':
      return l10n.t('a quoted field is never closed');
    case 'CSV_INVALID_CLOSING_QUOTE':
      return l10n.t('text after the closing quote of a field');
    default:
      return l10n.t('the row is not valid CSV: {0}', error.message);
  }
}

/** Why a text cannot be a CSV or JSON file at all, if it cannot. */
function unusable(text: unknown): string | undefined {
  if (typeof text !== 'string') return l10n.t('the file is not text');
  if (/\u0000/.test(text.slice(0, 65536))) return l10n.t('the file is not text (it holds binary data)');
  if (text.replace(/^\uFEFF/, '').trim() === '') return l10n.t('the file is empty');
  return undefined;
}

/** A file that gives no records: its errors, and the rows it has after the header (0 unless given). */
function unread(errors: ImportError[], rows = 0): ImportResult {
  return { records: [], errors, warnings: [], layout: undefined, rows };
}

/** Reads a CSV export of recommendations, in any of the layouts above. */
export function importCsv(text: string, fileName: string): ImportResult {
  const refusal = unusable(text);
  if (refusal) return unread([{ line: 1, message: refusal }]);

  const errors: ImportError[] = [];
  let header: string[] | undefined;
  const rows: CsvRow[] = [];
  const separator = csvSeparator(text);
  try {
    // The options' types cannot say that `info` and `raw` wrap each record: read through a plainer type.
    const parseRows = parse as (input: string, options: Record<string, unknown>) => unknown;
    const parsed = parseRows(text, {
      bom: true,
      delimiter: separator,
      info: true,
      raw: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error: CsvError | undefined) => {
        if (!error) return undefined;
        errors.push({ line: startLine(error.lines ?? 1, error.raw), message: csvErrorMessage(error, header?.length) });
        return undefined;
      },
      on_record: (row: CsvRow) => {
        if (!header) header = row.record;
        return row;
      },
    }) as CsvRow[];
    rows.push(...parsed);
  } catch (error) {
    const csvError = error as CsvError;
    errors.push({ line: startLine(csvError.lines ?? 1, csvError.raw), message: csvErrorMessage(csvError, header?.length) });
  }
  if (!rows.length) {
    return unread(errors.length ? errors : [{ line: 1, message: unknownLayoutMessage() }]);
  }

  const headerRow = rows[0];
  const layout = detectLayout(headerRow.record);
  if (!layout) {
    return unread([{ line: startLine(headerRow.info.lines, headerRow.raw), message: unknownLayoutMessage(headerRow.record, separator) }], rows.length - 1);
  }

  const records: RecommendationRecord[] = [];
  const warnings: ImportError[] = [];
  const check = warningChecks(warnings, layout);
  const referenceColumn = layout.index.reference;
  const intern = interner();
  for (const row of rows.slice(1)) {
    const line = startLine(row.info.lines, row.raw);
    const reference = referenceColumn === undefined ? '' : clean(row.record[referenceColumn]);
    for (const entry of mapRow(layout, row.record)) {
      if (validateEntry(entry)) {
        intern(entry as unknown as RecommendationEntry);
        const record = { ...(entry as unknown as RecommendationEntry), source: { file: fileName, line } };
        records.push(record);
        check(record, line, reference);
      } else {
        for (const error of rowErrors(validateEntry.errors ?? [])) errors.push({ line, message: describeRowError(error, entry, layout) });
      }
    }
  }
  errors.sort((a, b) => a.line - b.line);
  return { records, errors: dedupe(errors), warnings, layout: layout.spec.name, rows: rows.length - 1 };
}

/** The same message twice for one line (a UHRI row for two States) is said once. */
function dedupe(errors: ImportError[]): ImportError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.line}\u0000${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// JSON

/**
 * The 1-based line where each entry of `recommendations` starts, for a text that JSON.parse
 * accepted. Entries hold no objects, so when the text has one `{` more than entries (the file's
 * own), those are the entries' starts: found with indexOf, fast. Otherwise (a `{` inside some
 * text) strings are skipped and brackets counted.
 */
function entryLines(text: string, entries: number): number[] {
  const breaks: number[] = [];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) breaks.push(at);
  const lineAt = (offset: number): number => {
    let low = 0;
    let high = breaks.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (breaks[middle] < offset) low = middle + 1;
      else high = middle;
    }
    return low + 1;
  };
  const braces: number[] = [];
  for (let at = text.indexOf('{'); at !== -1 && braces.length <= entries + 1; at = text.indexOf('{', at + 1)) braces.push(at);
  if (braces.length === entries + 1) return braces.slice(1).map(lineAt);

  const lines: number[] = [];
  let depth = 0;
  let key = '';
  let lastString = '';
  let inEntries = false;
  const structural = /["{}[\]:]/g;
  for (let match = structural.exec(text); match; match = structural.exec(text)) {
    const at = match.index;
    switch (text.charCodeAt(at)) {
      case 0x22: {
        let end = at + 1;
        while (end < text.length && text.charCodeAt(end) !== 0x22) end += text.charCodeAt(end) === 0x5c ? 2 : 1;
        if (depth === 1) lastString = text.slice(at + 1, end);
        structural.lastIndex = end + 1;
        break;
      }
      case 0x3a:
        if (depth === 1) key = lastString;
        break;
      case 0x7b:
      case 0x5b:
        depth++;
        if (depth === 2 && text.charCodeAt(at) === 0x5b && key === 'recommendations') inEntries = true;
        else if (depth === 3 && inEntries && text.charCodeAt(at) === 0x7b) lines.push(lineAt(at));
        break;
      default:
        depth--;
        if (depth === 1) inEntries = false;
    }
  }
  return lines;
}

function lineAtOffset(text: string, offset: number): number {
  return (text.slice(0, offset).match(LINE_BREAK)?.length ?? 0) + 1;
}

/** Reads the project's own JSON (format upr-recommendations/1). */
export function importJson(text: string, fileName: string): ImportResult {
  const refusal = unusable(text);
  if (refusal) return unread([{ line: 1, message: refusal }]);
  const body = text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    let line = position ? lineAtOffset(body, Number(position[1])) : 1;
    if (!position) {
      // Some messages give no position: the YAML parser, which reads JSON too, may place it.
      const offset = parseDocument(body).errors[0]?.pos[0];
      if (offset !== undefined) line = lineAtOffset(body, offset);
    }
    const reason = message.replace(/, ".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '');
    return unread([{ line, message: l10n.t('not JSON: {0}', reason) }]);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return unread([{ line: 1, message: l10n.t('not a file of recommendations: expected an object with "format" and "recommendations"') }]);
  }
  // Another program's JSON (none of the project's keys): said once, with what to import instead,
  // rather than as a key missing and each of its own keys unknown.
  if (!('format' in data) && !('recommendations' in data)) {
    const message = l10n.t(
      'not a file of recommendations in the project\'s format ("format": "upr-recommendations/1" and "recommendations"): import the CSV export instead (UPR Info, OHCHR thematic list or Universal Human Rights Index)',
    );
    return unread([{ line: 1, message }]);
  }
  const isFile = typeof data === 'object' && data !== null && !Array.isArray(data);
  const entries = isFile && Array.isArray((data as { recommendations?: unknown }).recommendations) ? ((data as { recommendations: unknown[] }).recommendations) : [];
  const lines = entryLines(body, entries.length);
  const lineOf = (index: number) => lines[index] ?? 1;

  if (validateFile(data)) {
    const file = data as RecommendationFile;
    // The entries were just parsed and are ours: each becomes its record in place.
    const records = file.recommendations as RecommendationRecord[];
    const intern = interner();
    records.forEach((record, index) => {
      intern(record);
      record.source = { file: fileName, line: lineOf(index) };
    });
    return { records, errors: [], warnings: [], layout: 'upr-recommendations-json', rows: entries.length, description: file.description, sample: file.sample };
  }

  // Entries with errors are left out, the others kept; a wrong file as a whole gives nothing.
  const errors: ImportError[] = [];
  const badEntries = new Set<number>();
  let wholeFileWrong = false;
  let document: ReturnType<typeof parseDocument> | undefined;
  for (const error of fileErrors(validateFile.errors ?? [])) {
    const path = errorPath(error);
    const entryIndex = path[0] === 'recommendations' && typeof path[1] === 'number' ? path[1] : undefined;
    let line = 1;
    if (entryIndex !== undefined) {
      badEntries.add(entryIndex);
      line = lineOf(entryIndex);
    } else {
      wholeFileWrong = true;
      // Rare and small: the position of a key of the file itself, from a parse with positions.
      document ??= parseDocument(body);
      const node = nodeAt(document, path);
      if (node?.range) line = lineAtOffset(body, node.range[0]);
    }
    errors.push({ line, message: describeJsonError(error, path, data) });
  }
  const records = wholeFileWrong
    ? []
    : entries.flatMap((entry, index) => (badEntries.has(index) ? [] : [{ ...(entry as RecommendationEntry), source: { file: fileName, line: lineOf(index) } }]));
  errors.sort((a, b) => a.line - b.line);
  return {
    records,
    errors: dedupe(errors),
    warnings: [],
    layout: isFile ? 'upr-recommendations-json' : undefined,
    rows: entries.length,
    description: isFile && typeof (data as RecommendationFile).description === 'string' ? (data as RecommendationFile).description : undefined,
  };
}

/** ajv's errors worth saying: not the `if`s, a failed `dependencies` on the paragraph. */
function fileErrors(errors: ErrorObject[]): ErrorObject[] {
  return errors.map((error) => (error.keyword === 'dependencies' ? { ...error, instancePath: `${error.instancePath}/paragraph` } : error));
}

function describeJsonError(error: ErrorObject, path: (string | number)[], data: unknown): string {
  const name = displayPath(path, data) || l10n.t('the file');
  const value = valueAtPath(data, path);
  switch (error.keyword) {
    case 'required':
      return l10n.t('"{0}" lacks "{1}"', name, String(error.params.missingProperty));
    case 'additionalProperties':
      return l10n.t('"{0}" has an unknown key "{1}"', name, String(error.params.additionalProperty));
    case 'const':
      return l10n.t('"{0}" must be {1}, not {2}', name, shown(error.params.allowedValue), shown(value));
    case 'pattern':
    case 'dependencies': {
      const field = path.find((part) => typeof part === 'string' && part !== 'recommendations');
      const written = typeof value === 'string' ? value : JSON.stringify(value);
      const where = l10n.t('key "{0}"', name);
      return describeField(String(field), error.keyword, written, where, where) ?? describeValueError(error, name, shown(value));
    }
    default:
      return describeValueError(error, name, shown(value));
  }
}

/** A file by its name: `.json` is the project's own format, anything else a CSV export. */
export function importRecommendations(text: string, fileName: string): ImportResult {
  if (/\.json$/i.test(fileName)) return importJson(text, fileName);
  return importCsv(text, fileName);
}
