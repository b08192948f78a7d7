import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { closestIssues, knownIssue, UPR_INFO_ISSUES } from '../../server/src/core/references/issues';
import { analyse, codes, submission, textAt } from './helpers';

describe("UPR Info's issues", () => {
  it('ships the issue list of UPR Info, label for label', () => {
    const rows: { issue: string }[] = parse(readFileSync(resolve(process.cwd(), '../shared/data/upr/upr_info_issues.csv')), { columns: true });
    assert.deepEqual([...UPR_INFO_ISSUES].sort(), rows.map((row) => row.issue).sort());
  });

  it('recognises a label written in another case and suggests close ones', () => {
    assert.equal(knownIssue('rights of the child'), 'Rights of the Child');
    assert.ok(closestIssues('Disability rights').includes('Disabilities'));
  });

  it('warns on an issue that is not in the list, on the item', () => {
    const text = submission('1. Text.', 'issues:\n  - Disabilities\n  - Disabilty rights\n');
    const finding = analyse(text).diagnostics.find((d) => d.code === 'references/unknown-issue')!;
    assert.equal(textAt(text, finding.range), 'Disabilty rights');
    assert.match(finding.message, /did you mean "Disabilities"/);
    assert.deepEqual(codes(analyse(submission('1. Text.', 'issues:\n  - Disabilities\n'))), []);
  });
});
