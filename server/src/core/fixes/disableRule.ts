// Edits that switch a rule off with the HTML comment syntax (see ../directives.ts): for one line,
// from the line before, or for the whole file.

import * as l10n from '@vscode/l10n';
import type { SubmissionDocument } from '../document';
import type { Fix } from './smart';

export function disableRuleFixes(model: SubmissionDocument, code: string, line: number): Fix[] {
  const { lines } = model;
  const lineEnd = lines.lineEnd(line);
  const lineStart = lines.lineStart(line);
  const indent = /^[ \t]*/.exec(model.text.slice(lineStart, lineEnd))?.[0] ?? '';
  const eol = /\r\n|\r|\n/.exec(model.text)?.[0] ?? '\n';
  // After the front matter: a comment before it would hide the front matter itself.
  const fileLine = model.frontMatter?.closed ? model.frontMatter.range.end.line + 1 : 0;
  const fileOffset = fileLine < lines.lineCount ? lines.lineStart(fileLine) : model.text.length;
  const fileEdit = fileLine < lines.lineCount ? `<!-- upr-disable-file ${code} -->${eol}` : `${eol}<!-- upr-disable-file ${code} -->`;
  const wholeFile: Fix = { title: l10n.t('Disable {0} for the whole file', code), edits: [{ range: lines.range(fileOffset, fileOffset), newText: fileEdit }] };
  // In the front matter a comment would be YAML: only the whole file can switch the rule off.
  if (model.frontMatter && line <= model.frontMatter.range.end.line) return [wholeFile];
  return [
    {
      title: l10n.t('Disable {0} for this line', code),
      edits: [{ range: lines.range(lineEnd, lineEnd), newText: ` <!-- upr-disable-line ${code} -->` }],
    },
    {
      title: l10n.t('Disable {0} with a comment on the line before', code),
      edits: [{ range: lines.range(lineStart, lineStart), newText: `${indent}<!-- upr-disable-next-line ${code} -->${eol}` }],
    },
    wholeFile,
  ];
}
