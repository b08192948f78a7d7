// The YAML front matter: parsed with positions by `yaml`, validated by ajv against
// schemas/submission.schema.json, each error placed on the exact key or value it concerns; the
// State under review is then looked up in the list of States (references/states.ts).

import Ajv, { ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import * as l10n from '@vscode/l10n';
import { parseDocument, Document } from 'yaml';
import schema from '../../../schemas/submission.schema.json';
import type { FrontMatterBlock, SubmissionDocument } from './document';
import { findState, suggestedStateNames } from './references/states';
import type { Finding } from './findings';
import type { LineIndex, Range } from './text';
import { unknownKeyMessage, describeValueError, displayPath, errorPath, keyNodeAt, nodeAt, schemaAt, shown, valueAt, yamlFindings, type SchemaNode } from './yamlSchema';

export interface FrontMatterData {
  type?: 'individual' | 'joint' | 'nhri';
  state?: string;
  cycle?: number;
  session?: number;
  language?: 'en' | 'ru' | 'fr' | 'es';
  title?: string;
  coalition?: {
    name?: string;
    members?: { organisation?: string; region?: string; contact?: string; role?: string }[];
  };
  word_limit?: number;
  deadline?: string;
  issues?: string[];
}

export interface FrontMatterResult {
  /** What the YAML says, or an empty object when there is none or it does not parse. */
  data: FrontMatterData;
  /** True when the front matter parses and matches the schema. */
  valid: boolean;
  findings: Finding[];
  /** Where a value sits in the document (`['issues', 2]`), for rules that check values further. */
  locate?: (path: (string | number)[]) => Range | undefined;
}

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv, ['date']);
const validate = ajv.compile<FrontMatterData>(schema);
const schemaRoot = schema as SchemaNode;

interface ParsedYaml {
  document: Document;
  data: unknown;
  /** Schema errors; undefined when the YAML does not parse or is not a set of keys. */
  schemaErrors: ErrorObject[] | undefined;
  /** Why the parsed YAML could not be turned into values (an alias expanded too often). */
  valueError: string | undefined;
}

/**
 * Most keystrokes change the body, not the front matter: the last parse and validation are
 * reused while its text is the same. Messages are still written anew, in the current language.
 */
let lastParsed: { content: string; parsed: ParsedYaml } | undefined;

function parseYaml(content: string): ParsedYaml {
  if (lastParsed?.content === content) return lastParsed.parsed;
  const document = parseDocument(content, { prettyErrors: false, uniqueKeys: true });
  let data: unknown;
  let valueError: string | undefined;
  try {
    data = document.errors.length ? undefined : (document.toJS() ?? {});
  } catch (error) {
    // `yaml` refuses to expand aliases without end (a "billion laughs" header).
    valueError = (error as Error).message;
  }
  const isMapping = typeof data === 'object' && data !== null && !Array.isArray(data);
  const schemaErrors = isMapping ? (validate(data) ? [] : relevantErrors(validate.errors ?? [])) : undefined;
  const parsed = { document, data, schemaErrors, valueError };
  lastParsed = { content, parsed };
  return parsed;
}

export function checkFrontMatter(model: SubmissionDocument): FrontMatterResult {
  const block = model.frontMatter;
  const { lines } = model;
  if (!block) {
    return {
      data: {},
      valid: false,
      findings: [
        {
          code: 'front-matter/missing',
          severity: 'error',
          range: lines.range(0, lines.lineEnd(0)),
          message: l10n.t(
            'The submission has no front matter: start it with a YAML block between two --- lines (type, state, cycle, language, title).',
          ),
        },
      ],
    };
  }
  if (!block.closed) {
    return {
      data: {},
      valid: false,
      findings: [
        {
          code: 'front-matter/syntax',
          severity: 'error',
          range: block.range,
          message: l10n.t('The front matter opened here is never closed: add a line with --- after it.'),
        },
      ],
    };
  }

  const { document, data, schemaErrors, valueError } = parseYaml(block.content);
  const at = (start: number, end: number) =>
    lines.range(block.contentOffset + start, block.contentOffset + Math.max(start, end));

  const syntaxFindings = yamlFindings(document, 'front-matter/syntax', at);
  if (document.errors.length) return { data: {}, valid: false, findings: syntaxFindings };
  if (valueError !== undefined) {
    return {
      data: {},
      valid: false,
      findings: [
        ...syntaxFindings,
        { code: 'front-matter/syntax', severity: 'error', range: contentRange(block, lines), message: l10n.t('YAML: {0}', valueError) },
      ],
    };
  }

  if (!schemaErrors) {
    return {
      data: {},
      valid: false,
      findings: [
        ...syntaxFindings,
        {
          code: 'front-matter/schema',
          severity: 'error',
          range: contentRange(block, lines),
          message: l10n.t('The front matter must be a list of keys and values (type: joint, state: ..., ...).'),
        },
      ],
    };
  }
  const findings = [...syntaxFindings];
  for (const error of schemaErrors) findings.push(describeError(error, document, block, lines, at));
  const locate = (path: (string | number)[]) => {
    const node = nodeAt(document, path);
    return node?.range ? at(node.range[0], node.range[1]) : undefined;
  };
  // The rules read the values as the schema types them: a value the schema finds wrong as a whole
  // (`state: 5`) has its finding, and is left out of what they read. A mistake inside a value (a
  // member without a role, an issue listed twice) is only said: the value is still read.
  const wrongKeys = new Set(
    schemaErrors
      .filter((error) => error.keyword !== 'uniqueItems' && error.keyword !== 'additionalProperties')
      .map(errorPath)
      .filter((path) => path.length === 1)
      .map(([key]) => key),
  );
  const trusted = Object.fromEntries(Object.entries(data as object).filter(([key]) => !wrongKeys.has(key))) as FrontMatterData;
  if (trusted.state !== undefined && !findState(trusted.state)) findings.push(unknownState(trusted.state, locate(['state']) ?? contentRange(block, lines)));
  return { data: trusted, valid: schemaErrors.length === 0, findings, locate };
}

/** A warning, not an error: the list may lack a name that writers use. */
function unknownState(state: string, range: Range): Finding {
  const likely = suggestedStateNames(state);
  return {
    code: 'front-matter/unknown-state',
    severity: 'warning',
    range,
    replacements: likely,
    message: likely.length
      ? l10n.t(
          '"{0}" is not in the list of UN Member and observer States (English or Russian names and ISO 3166-1 alpha-3 codes); did you mean {1}?',
          state,
          likely.map((name) => `"${name}"`).join(', '),
        )
      : l10n.t('"{0}" is not in the list of UN Member and observer States (English or Russian names and ISO 3166-1 alpha-3 codes).', state),
  };
}

/** `if` errors only say that a `then` failed, which its own errors already say. */
function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  return errors.filter((error) => error.keyword !== 'if');
}

function describeError(
  error: ErrorObject,
  document: Document,
  block: FrontMatterBlock,
  lines: LineIndex,
  at: (start: number, end: number) => Range,
): Finding {
  const path = errorPath(error);
  const node = nodeAt(document, path);
  const nodeRange = node?.range ? at(node.range[0], node.range[1]) : contentRange(block, lines);
  const name = displayPath(path);
  const value = valueAt(document, path);

  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const keyNode = keyNodeAt(document, path, key);
      const allowed = Object.keys(schemaAt(schemaRoot, path).properties ?? {});
      return {
        code: 'front-matter/unknown-key',
        severity: 'error',
        range: keyNode?.range ? at(keyNode.range[0], keyNode.range[1]) : nodeRange,
        message: unknownKeyMessage(key, allowed),
      };
    }
    case 'required': {
      const key = String(error.params.missingProperty);
      // Schema descriptions are English; the Russian bundle carries them too.
      const description = l10n.t(schemaAt(schemaRoot, [...path, key]).description ?? key);
      const forJoint = error.schemaPath.includes('/then/');
      // A missing key is shown on the line of the mapping that lacks it (the opening --- at the top level).
      const range = path.length ? firstLineOf(nodeRange, lines) : lines.range(0, lines.lineEnd(0));
      return {
        code: 'front-matter/schema',
        severity: 'error',
        range,
        message: forJoint
          ? l10n.t('A joint submission needs "{0}" ({1}).', key, description)
          : path.length
            ? l10n.t('"{0}" lacks "{1}" ({2}).', name, key, description)
            : l10n.t('The front matter lacks "{0}" ({1}).', key, description),
      };
    }
    default:
      return {
        code: 'front-matter/schema',
        severity: 'error',
        range: nodeRange,
        message: describeValueError(error, name, shown(value)),
      };
  }
}

function contentRange(block: FrontMatterBlock, lines: LineIndex): Range {
  return lines.range(block.contentOffset, block.contentOffset + block.content.trimEnd().length);
}

function firstLineOf(range: Range, lines: LineIndex): Range {
  return { start: range.start, end: lines.positionAt(lines.lineEnd(range.start.line)) };
}
