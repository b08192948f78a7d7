// YAML checked against a JSON schema, each problem placed on the YAML text it concerns. Shared by
// the front matter of a submission (frontMatter.ts) and the coalition's configuration file
// (workspaceConfig.ts): finding a node from an ajv error's path, and saying what a value should be.

import * as l10n from '@vscode/l10n';
import { closest } from './closest';
import type { ErrorObject } from 'ajv';
import { isMap, isNode, isPair, isScalar, isSeq, Document, Node, YAMLError } from 'yaml';
import type { Finding } from './findings';
import type { Range } from './text';

/** Keys and list indexes from the root of the YAML to a value. */
export type YamlPath = (string | number)[];

export interface SchemaNode {
  description?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  $ref?: string;
}

/**
 * YAML errors and warnings as findings with the given code; `at` turns YAML offsets into a range,
 * `place` may move an error from the offsets `yaml` gives.
 */
export function yamlFindings(
  document: Document,
  code: string,
  at: (start: number, end: number) => Range,
  place: (error: YAMLError) => [number, number] = (error) => error.pos,
): Finding[] {
  return [
    ...document.errors.map((error) => ({ error, severity: 'error' as const })),
    ...document.warnings.map((error) => ({ error, severity: 'warning' as const })),
  ].map(({ error, severity }) => ({
    code,
    severity,
    range: at(...place(error)),
    message: l10n.t('YAML: {0}', firstLine(error.message)),
  }));
}

/** The path of the value an ajv error is about. */
export function errorPath(error: ErrorObject): YamlPath {
  return error.instancePath.split('/').slice(1).map(decodePointerSegment);
}

function decodePointerSegment(segment: string): string | number {
  const decoded = segment.replace(/~1/g, '/').replace(/~0/g, '~');
  return /^\d+$/.test(decoded) ? Number(decoded) : decoded;
}

/**
 * `coalition.members[1].role`. Given the data, a number is shown as a list index only where the
 * data holds a list (`smart.verbs.en.5[0]`: `5` is a key); without it, every number is an index.
 */
export function displayPath(path: YamlPath, data?: unknown): string {
  let value = data;
  return path
    .map((part, i) => {
      const index = typeof part === 'number' && (data === undefined || Array.isArray(value));
      value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
      return index ? `[${part}]` : i ? `.${part}` : String(part);
    })
    .join('');
}

/**
 * The node at a path. Keys are compared as text, as `toJS()` writes them: the path `5` finds the
 * key `5:` and the key `"5":` alike.
 */
export function nodeAt(document: Document, path: YamlPath): Node | undefined {
  let node: unknown = document.contents;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(part));
      node = pair?.value;
    } else if (isSeq(node) && typeof part === 'number') {
      node = node.items[part];
    } else {
      return undefined;
    }
  }
  return isNode(node) ? node : undefined;
}

export function valueAt(document: Document, path: YamlPath): unknown {
  const node = nodeAt(document, path);
  return isScalar(node) ? node.value : node?.toJSON();
}

/** The node of `key` itself (not its value) in the mapping at `path`. */
export function keyNodeAt(document: Document, path: YamlPath, key: string): Node | undefined {
  const map = nodeAt(document, path);
  if (!isMap(map)) return undefined;
  const pair = map.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === key);
  return pair && isNode(pair.key) ? pair.key : undefined;
}

/** The part of a schema that describes the value at `path` (local `$ref`s followed). */
export function schemaAt(root: SchemaNode, path: YamlPath): SchemaNode {
  const resolve = (node: SchemaNode): SchemaNode => {
    if (!node.$ref?.startsWith('#/')) return node;
    let target: unknown = root;
    for (const part of node.$ref.slice(2).split('/')) target = (target as Record<string, unknown> | undefined)?.[part];
    return typeof target === 'object' && target !== null ? { ...(target as SchemaNode), description: node.description ?? (target as SchemaNode).description } : {};
  };
  let node = resolve(root);
  for (const part of path) {
    const next =
      typeof part === 'number'
        ? node.items
        : (node.properties?.[part] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined));
    node = resolve(next ?? {});
  }
  return node;
}

/** A value as a message shows it: text in quotes, anything else as JSON. */
export function shown(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return JSON.stringify(value) ?? String(value);
}

/** What an error about a value says: which value, what it should be, what it is. */
export function describeValueError(error: ErrorObject, name: string, value: string): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'enum':
      return l10n.t('"{0}" must be one of {1}, not {2}.', name, (params.allowedValues as string[]).join(', '), value);
    case 'type':
      return l10n.t('"{0}" must be {1}, not {2}.', name, typeName(params.type), value);
    case 'minimum':
      return l10n.t('"{0}" must be at least {1}, not {2}.', name, String(params.limit), value);
    case 'maximum':
      return l10n.t('"{0}" must be at most {1}, not {2}.', name, String(params.limit), value);
    case 'format':
      return l10n.t('"{0}" must be a date written YYYY-MM-DD, not {1}.', name, value);
    case 'minItems':
      return l10n.t('"{0}" must list at least {1} entries.', name, String(params.limit));
    case 'minLength':
    case 'pattern':
      return l10n.t('"{0}" must not be empty.', name);
    default:
      return l10n.t('"{0}" is not valid: {1}.', name, error.message ?? error.keyword);
  }
}

/** A JSON schema type in words; of a list of types (`["object", "null"]`) the one that is not null. */
function typeName(type: unknown): string {
  const types = (Array.isArray(type) ? type : String(type).split(',')).map(String);
  switch (types.find((name) => name !== 'null') ?? types[0]) {
    case 'integer':
      return l10n.t('a whole number');
    case 'number':
      return l10n.t('a number');
    case 'boolean':
      return l10n.t('true or false');
    case 'string':
      return l10n.t('text');
    case 'object':
      return l10n.t('a set of keys and values');
    case 'array':
      return l10n.t('a list');
    default:
      return types.join(', ');
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** "Unknown key", with the known key it most likely stands for. */
export function unknownKeyMessage(key: string, allowed: string[]): string {
  const [likely] = closest(key, allowed, 1, 0.5);
  return likely
    ? l10n.t('Unknown key "{0}": did you mean "{1}"? Expected one of {2}.', key, likely, allowed.join(', '))
    : l10n.t('Unknown key "{0}": expected one of {1}.', key, allowed.join(', '));
}
