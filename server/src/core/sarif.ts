// Findings as a SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format), for code
// scanning in CI. Pure: findings and the paths they belong to in, a JSON-ready object out.
//
// One run; its driver lists one reportingDescriptor per code that occurs (in order of first
// occurrence), each result points at its file and region. Regions are 1-based, columns counted in
// UTF-16 code units as in the editor (`columnKind` on the run), endColumn one past the last
// character as SARIF defines it.

import type { Finding, Severity } from './findings';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const TOOL_NAME = 'upr-submission';

export type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface SarifResult {
  ruleId: string;
  level: SarifLevel;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: SarifRegion } }[];
}

export interface SarifRule {
  id: string;
  shortDescription: { text: string };
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [
    {
      tool: { driver: { name: string; informationUri?: string; rules: SarifRule[] } };
      /** Only when the tool has something to say about its run (checks it could not make). */
      invocations?: [{ executionSuccessful: true; toolExecutionNotifications: { level: 'note'; message: { text: string } }[] }];
      columnKind: 'utf16CodeUnits';
      results: SarifResult[];
    },
  ];
}

export interface FileFindings {
  /** The path as the user gave it. */
  file: string;
  findings: readonly Finding[];
}

/** What each code checks, for the rule list; a code not listed here is described from its name. */
export const RULE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'front-matter/missing': 'The submission has no YAML front matter.',
  'front-matter/syntax': 'The front matter is not valid YAML.',
  'front-matter/schema': 'A front matter value does not match the submission schema.',
  'front-matter/unknown-key': 'The front matter has a key the submission schema does not know.',
  'front-matter/unknown-state': 'The State under review is not in the list of UN Member and observer States.',
  'word-limit/exceeded': 'The submission is longer than its word limit.',
  'word-limit/near': 'The submission is close to its word limit.',
  'numbering/start': 'Paragraph numbering does not start at 1.',
  'numbering/duplicate': 'A paragraph number is used twice.',
  'numbering/gap': 'A paragraph number is missing.',
  'footnotes/undefined': 'A footnote marker has no definition.',
  'footnotes/unused': 'A footnote definition is never cited.',
  'sections/executive-summary': 'The submission has no executive summary.',
  'sections/recommendations': 'The submission has no recommendations section.',
  'sections/empty-recommendations': 'The recommendations section has no recommendations.',
  'smart/action-category': 'A recommendation asks for less than a specific action (UPR Info action categories).',
  'smart/specific': 'A recommendation does not name the concrete object of its action.',
  'smart/single-action': 'A recommendation asks for more than one action.',
  'smart/time-bound': 'A recommendation has no time frame.',
  'smart/measurable': 'A recommendation names nothing by which its implementation can be measured.',
  'smart/length': 'A recommendation is too long to be taken up as it is.',
  'smart/addressee': 'A recommendation is addressed to another State than the one under review.',
  'references/unknown': 'A reference to a previous recommendation is not in the index of previous recommendations.',
  'references/other-state': 'A cited previous recommendation was made to another State than the one under review.',
  'references/ambiguous': 'The index holds different recommendations under a cited reference.',
  'references/sdg-unknown': 'An SDG target that does not exist is cited.',
  'references/sdg-missing': 'A recommendation cites no SDG target.',
  'references/unknown-issue': 'An issue in the front matter is not in UPR Info\'s list of issues.',
  'references/import': 'A row of a file of previous recommendations cannot be read.',
  'references/import-warning': 'A row of a file of previous recommendations is read, but looks wrong: listed twice, or its columns disagree.',
  'references/sample-set-aside': "A sample file is left out because the folder holds the coalition's own recommendations.",
  'config/syntax': 'The coalition configuration (.upr/config.yaml) is not valid YAML.',
  'config/schema': 'A value of the coalition configuration does not match its schema.',
  'config/unknown-key': 'The coalition configuration has a key its schema does not know.',
};

const LEVELS: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** `smart/time-bound` → "Smart: time bound." for codes without a description. */
function describe(code: string): string {
  const known = RULE_DESCRIPTIONS[code];
  if (known) return known;
  const [group, ...rest] = code.split('/').map((part) => part.replace(/[_-]+/g, ' ').trim());
  const text = rest.length ? `${group}: ${rest.join(' ')}` : group;
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/**
 * A path as a URI reference: a relative path stays relative with forward slashes ("docs/a.upr.md"),
 * an absolute one becomes a file: URI; characters a URI path cannot hold as they are (spaces,
 * non-ASCII, %, #, ?, :) are percent-encoded.
 */
export function pathToUri(file: string): string {
  let path = file.replace(/\\/g, '/');
  let prefix = '';
  if (/^[A-Za-z]:\//.test(path)) {
    prefix = 'file:///';
  } else if (path.startsWith('//')) {
    prefix = 'file:';
  } else if (path.startsWith('/')) {
    prefix = 'file://';
  }
  // Each segment encoded whole (a colon too, so a relative path never reads as a scheme), but for
  // the drive letter of a Windows path.
  path = path
    .split('/')
    .map((segment, index) =>
      prefix === 'file:///' && index === 0 ? segment : encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    )
    .join('/');
  return prefix + path;
}

/**
 * The SARIF log of the findings. `notes` are said of the run itself, as its notifications: what
 * was not checked and why ("no previous recommendations in recommendations").
 */
export function toSarif(files: readonly FileFindings[], options: { informationUri?: string; notes?: readonly string[] } = {}): SarifLog {
  const rules: SarifRule[] = [];
  const seen = new Set<string>();
  const results: SarifResult[] = [];
  for (const { file, findings } of files) {
    const uri = pathToUri(file);
    for (const finding of findings) {
      if (!seen.has(finding.code)) {
        seen.add(finding.code);
        rules.push({ id: finding.code, shortDescription: { text: describe(finding.code) } });
      }
      const { start, end } = finding.range;
      results.push({
        ruleId: finding.code,
        level: LEVELS[finding.severity] ?? 'warning',
        message: { text: finding.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri },
              region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
            },
          },
        ],
      });
    }
  }
  const driver = options.informationUri ? { name: TOOL_NAME, informationUri: options.informationUri, rules } : { name: TOOL_NAME, rules };
  const run: SarifLog['runs'][0] = { tool: { driver }, columnKind: 'utf16CodeUnits', results };
  if (options.notes?.length) {
    run.invocations = [{ executionSuccessful: true, toolExecutionNotifications: options.notes.map((text) => ({ level: 'note', message: { text } })) }];
  }
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}
