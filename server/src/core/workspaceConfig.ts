// The coalition's workspace configuration, `.upr/config.yaml`: read from its text (no file system,
// no LSP), validated by ajv against schemas/upr-config.schema.json, and turned into the
// PartialConfig the analysis is resolved from. Each problem is a finding placed on the key or value
// it concerns, in the configuration file's own text.
//
// What survives a mistake:
//   - YAML that does not parse (including a duplicate key): nothing, the configuration is `{}`;
//     the structure around the error cannot be trusted.
//   - YAML that parses but breaks the schema: only the offending entries are dropped and the rest
//     applies, so one typo does not switch every setting off. An unknown key is dropped with its
//     value; a wrong value is dropped (`warnAtPercent: 150` leaves the default); a wrong phrase or
//     term is dropped from its list, the other entries stay; a section of the wrong kind
//     (`wordLimit: 5000`) is dropped as a whole. Every check in the schema concerns one value, so
//     what remains is valid; it is validated again all the same and, were it not, nothing applies.
//   - A file that is not a set of keys (a list, a bare text): nothing applies.
// An empty file, or one of comments only, is a valid empty configuration, as is a section left
// empty (`rules:` with every entry commented out).

import * as l10n from '@vscode/l10n';
import Ajv, { type ErrorObject } from 'ajv';
import { isNode, isScalar, parseDocument, visit, type Document } from 'yaml';
import schema from '../../../schemas/upr-config.schema.json';
import type { PartialConfig, SmartConfig } from './config';
import type { Finding, Severity } from './findings';
import type { ActionCategory, Language } from './smart/classify';
import { LineIndex, type Range } from './text';
import { unknownKeyMessage, describeValueError, displayPath, errorPath, keyNodeAt, nodeAt, schemaAt, shown, valueAt, yamlFindings, type SchemaNode } from './yamlSchema';

export interface WorkspaceConfigResult {
  /** The settings the file gives; what it leaves out, or gets wrong, is left to the defaults. */
  config: PartialConfig;
  /** `config/syntax`, `config/schema`, `config/unknown-key`; ranges in the configuration file's text. */
  findings: Finding[];
}


/** The file's shape, as the schema allows it. */
interface ConfigFile {
  rules?: Record<string, Severity | 'off'> | null;
  wordLimit?: {
    individual?: number;
    joint?: number;
    nhri?: number;
    countFootnotes?: boolean;
    warnAtPercent?: number;
  } | null;
  smart?: {
    maxWords?: number;
    verbs?: Partial<Record<Language, Partial<Record<'1' | '2' | '3' | '4' | '5', string[] | null>> | null>> | null;
    terms?: string[] | null;
  } | null;
}

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile<ConfigFile>(schema);
const schemaRoot = schema as SchemaNode;

export function parseWorkspaceConfig(text: string): WorkspaceConfigResult {
  const source = typeof text === 'string' ? text : '';
  const lines = new LineIndex(source);
  const at = (start: number, end: number) => lines.range(start, Math.max(start, end));
  const document = parseDocument(source, { prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const whole = wholeRange(document, lines);
  const findings = yamlFindings(document, 'config/syntax', at, (error) => (error.code === 'DUPLICATE_KEY' ? keyAt(document, error.pos) : error.pos));
  if (document.errors.length) return { config: {}, findings };

  let data: unknown;
  try {
    data = document.toJS();
  } catch (error) {
    // An alias expanded too often (`yaml` refuses a "billion laughs" file), or the like.
    findings.push({ code: 'config/syntax', severity: 'error', range: whole, message: l10n.t('YAML: {0}', (error as Error).message) });
    return { config: {}, findings };
  }
  if (data === null || data === undefined) return { config: {}, findings };
  if (!isRecord(data)) {
    findings.push({
      code: 'config/schema',
      severity: 'error',
      range: whole,
      message: l10n.t('The configuration must be a set of keys and values (rules, wordLimit, smart).'),
    });
    return { config: {}, findings };
  }

  if (validate(data)) return { config: toConfig(data), findings };

  const drops = new Set<string>();
  // A wrong key of `rules` gives two errors: `propertyNames` and the `pattern` inside it (marked by `propertyName`).
  for (const error of (validate.errors ?? []).filter((error) => error.propertyName === undefined)) {
    const { finding, drop } = describeError(error, document, data, at, whole);
    findings.push(finding);
    drops.add(drop);
  }
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  if (drops.has('')) return { config: {}, findings };
  const rest = prune(data, '', drops);
  return { config: validate(rest) ? toConfig(rest) : {}, findings };
}

/** The finding for one schema error, and the JSON pointer of what has to go. */
function describeError(
  error: ErrorObject,
  document: Document,
  data: unknown,
  at: (start: number, end: number) => Range,
  whole: Range,
): { finding: Finding; drop: string } {
  const path = errorPath(error);
  const rangeOf = (node: { range?: [number, number, number] | null } | undefined) => (node?.range ? at(node.range[0], node.range[1]) : whole);
  const name = displayPath(path, data);

  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const allowed = Object.keys(schemaAt(schemaRoot, path).properties ?? {});
      return {
        finding: {
          code: 'config/unknown-key',
          severity: 'error',
          range: rangeOf(keyNodeAt(document, path, key) ?? nodeAt(document, path)),
          message: unknownKeyMessage(key, allowed),
        },
        drop: `${error.instancePath}/${escapePointer(key)}`,
      };
    }
    case 'propertyNames': {
      const key = String(error.params.propertyName);
      return {
        finding: {
          code: 'config/schema',
          severity: 'error',
          range: rangeOf(keyNodeAt(document, path, key) ?? nodeAt(document, path)),
          message: l10n.t(
            '"{0}" is not a rule: write a code such as numbering/gap or a group such as numbering (lower-case letters and hyphens).',
            key,
          ),
        },
        drop: `${error.instancePath}/${escapePointer(key)}`,
      };
    }
    default: {
      const value = shown(valueAt(document, path));
      const phrase = error.keyword === 'pattern' && error.schemaPath.startsWith('#/definitions/phrases/');
      return {
        finding: {
          code: 'config/schema',
          severity: 'error',
          range: rangeOf(nodeAt(document, path)),
          message: phrase
            ? l10n.t('"{0}" must be a phrase that starts with a word (a gap * cannot come first), not {1}.', name, value)
            : describeValueError(error, name, value),
        },
        drop: error.instancePath,
      };
    }
  }
}

function toConfig(data: ConfigFile): PartialConfig {
  const config: PartialConfig = {};
  if (data.rules) config.rules = { ...data.rules };

  const wordLimit = data.wordLimit;
  if (wordLimit) {
    const limits: NonNullable<PartialConfig['wordLimits']> = {};
    for (const type of ['individual', 'joint', 'nhri'] as const) if (wordLimit[type] !== undefined) limits[type] = wordLimit[type];
    if (Object.keys(limits).length) config.wordLimits = limits;
    if (wordLimit.countFootnotes !== undefined) config.countFootnotes = wordLimit.countFootnotes;
    if (wordLimit.warnAtPercent !== undefined) config.warnAtPercent = wordLimit.warnAtPercent;
  }

  const smartFile = data.smart;
  if (smartFile) {
    const smart: Partial<SmartConfig> = {};
    if (smartFile.maxWords !== undefined) smart.maxWords = smartFile.maxWords;
    if (smartFile.verbs) {
      const extraVerbs: SmartConfig['extraVerbs'] = {};
      for (const [language, categories] of Object.entries(smartFile.verbs)) {
        if (!categories) continue;
        const byCategory: Partial<Record<ActionCategory, string[]>> = {};
        for (const [category, phrases] of Object.entries(categories)) {
          if (phrases) byCategory[Number(category) as ActionCategory] = [...phrases];
        }
        extraVerbs[language as Language] = byCategory;
      }
      smart.extraVerbs = extraVerbs;
    }
    if (smartFile.terms) smart.acceptedTerms = smartFile.terms.map((term) => term.trim());
    if (Object.keys(smart).length) config.smart = smart;
  }
  return config;
}

/** A copy of `value` without the entries at the given JSON pointers (list entries after them move up). */
function prune(value: unknown, pointer: string, drops: Set<string>): unknown {
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => (drops.has(`${pointer}/${i}`) ? [] : [prune(item, `${pointer}/${i}`, drops)]));
  }
  if (isRecord(value)) {
    const kept: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const at = `${pointer}/${escapePointer(key)}`;
      if (!drops.has(at)) Object.defineProperty(kept, key, { value: prune(item, at, drops), enumerable: true, writable: true, configurable: true });
    }
    return kept;
  }
  return value;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);
}

/** The whole key that starts where `yaml` marks a duplicate key (it marks the first character only). */
function keyAt(document: Document, pos: [number, number]): [number, number] {
  let found: [number, number] = pos;
  visit(document, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.range?.[0] === pos[0]) {
        found = [pair.key.range[0], pair.key.range[1]];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** The text of the YAML, for a problem that concerns all of it. */
function wholeRange(document: Document, lines: LineIndex): Range {
  const contents = document.contents;
  if (isNode(contents) && contents.range) {
    const [start, end] = contents.range;
    return lines.range(start, start + lines.text.slice(start, Math.max(start, end)).trimEnd().length);
  }
  return lines.range(0, lines.lineEnd(0));
}
