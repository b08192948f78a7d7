// Which files the previous recommendations are read from (server/src/referenceSource.ts,
// server/src/referenceFiles.ts): the language server re-reads the library when one of them changes, and only then.

import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadReferences, loadSummary, readSources, sourceFindings } from '../../server/src/referenceFiles';
import { isReferenceSource } from '../../server/src/referenceSource';

describe('isReferenceSource', () => {
  const workspace = join('/', 'work', 'coalition');
  const folders = [join(workspace, 'recommendations')];

  it('takes CSV and JSON files anywhere under a folder', () => {
    assert.equal(isReferenceSource(join(workspace, 'recommendations', 'export.csv'), folders), true);
    assert.equal(isReferenceSource(join(workspace, 'recommendations', 'cycle 3', 'list.JSON'), folders), true);
    assert.equal(isReferenceSource(join(workspace, 'recommendations', '..old.json'), folders), true);
  });

  it('leaves other files, and files beside or above the folders', () => {
    assert.equal(isReferenceSource(join(workspace, 'recommendations', 'notes.md'), folders), false);
    assert.equal(isReferenceSource(join(workspace, 'recommendations-2019', 'export.csv'), folders), false);
    assert.equal(isReferenceSource(join(workspace, 'submission.comments.json'), folders), false);
    assert.equal(isReferenceSource(join(workspace, 'recommendations.json'), folders), false);
    assert.equal(isReferenceSource(join('/', 'elsewhere', 'recommendations', 'export.csv'), folders), false);
    assert.equal(isReferenceSource(join(workspace, 'recommendations', 'export.csv'), []), false);
  });
});

describe('loadReferences', () => {
  it('says where it looked when there is no file to read', async () => {
    const loaded = await loadReferences(readSources([]));
    assert.equal(loadSummary([], ['/work/a/recommendations', '/work/b/recommendations'], loaded), 'No previous recommendations: no CSV or JSON file in /work/a/recommendations, /work/b/recommendations.');
  });


  it('reports a file that is not UTF-8 on its first bad line, and reads the others', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'upr-reference-files-'));
    try {
      const header = 'id,state_under_review,sur_iso3,cycle,wg_session,year,wg_report_symbol,paragraph,text,recommending_state,response,action_category,issues';
      const row = (id: string, text: string) => `${id},Kyrgyzstan,KGZ,1,8,2010,A/HRC/15/2,76.${id.slice(1)},${text},Spain,Supported,5,Justice`;
      writeFileSync(join(folder, 'good.csv'), `${header}\n${row('R1', 'Ratify the Convention')}\n`);
      writeFileSync(join(folder, 'mac-roman.csv'), Buffer.from(`${header}\n${row('R2', 'Ratify')}\n${row('R3', 'Caf\x8e')}\n`, 'latin1'));
      const loaded = await loadReferences(readSources([join(folder, 'good.csv'), join(folder, 'mac-roman.csv'), join(folder, 'missing.csv')]));
      const { library, problems } = loaded;
      assert.equal(library.index.size, 1);
      assert.deepEqual(problems.get(join(folder, 'mac-roman.csv')), [{ line: 3, message: 'line 3 is not UTF-8 text: save the file as UTF-8 (in Excel: Save As, then "CSV UTF-8")' }]);
      assert.match(problems.get(join(folder, 'missing.csv'))?.[0].message ?? '', /^The file cannot be read: ENOENT/);
      assert.equal(
        loadSummary([join(folder, 'good.csv'), join(folder, 'mac-roman.csv'), join(folder, 'missing.csv')], [folder], loaded),
        `Read 1 previous recommendation from 3 files in ${folder}; 2 problems in 2 files, shown on them.`,
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('says on a source file which rows it read that look wrong', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'upr-reference-files-'));
    try {
      const file = join(folder, 'export.csv');
      const header = 'id,state_under_review,sur_iso3,cycle,wg_session,year,wg_report_symbol,paragraph,text,recommending_state,response,action_category,issues';
      const row = 'Kyrgyzstan,KGZ,1,8,2010,A/HRC/15/2,76.1,Ratify the Convention,Spain,Supported,5,Justice';
      writeFileSync(file, `${header}\nR1,${row}\nR2,${row}\n`);
      const loaded = await loadReferences(readSources([file]));
      assert.equal(loaded.library.index.size, 2);
      const findings = sourceFindings(file, loaded);
      assert.deepEqual(findings.map(({ code, severity, range }) => [code, severity, range.start.line]), [['references/import-warning', 'warning', 2]]);
      assert.match(findings[0].message, /same recommendation as line 2/);
      assert.equal(loadSummary([file], [folder], loaded), `Read 2 previous recommendations from 1 file in ${folder}; 1 row that looks wrong in 1 file, warned of on it.`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("leaves sample data out once the folder holds the coalition's own recommendations, and says so on the sample file", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'upr-reference-files-'));
    try {
      const sample = join(folder, 'sample.json');
      copyFileSync(resolve(__dirname, '../../samples/recommendations/kyrgyzstan-2010-sample.json'), sample);
      const alone = await loadReferences(readSources([sample]));
      assert.ok(alone.library.index.size > 0);
      assert.deepEqual([...alone.library.sampleFiles], [sample]);
      assert.deepEqual(sourceFindings(sample, alone), []);

      const own = join(folder, 'own.csv');
      writeFileSync(own, 'id,state_under_review,sur_iso3,cycle,wg_session,year,wg_report_symbol,paragraph,text,recommending_state,response,action_category,issues\nR1,Kyrgyzstan,KGZ,1,8,2010,A/HRC/15/2,76.1,Ratify the Convention,Spain,Supported,5,Justice\n');
      const both = await loadReferences(readSources([own, sample]));
      assert.equal(both.library.index.size, 1);
      assert.deepEqual([...both.library.sampleFiles], []);
      assert.deepEqual(both.sampleSetAside, [sample]);
      assert.deepEqual(sourceFindings(sample, both).map(({ code, severity }) => [code, severity]), [['references/sample-set-aside', 'warning']]);
      assert.deepEqual(sourceFindings(own, both), []);
      assert.equal(loadSummary([sample], [folder], alone), `Read ${alone.library.index.size} previous recommendations from 1 file in ${folder}; sample data only.`);
      assert.equal(loadSummary([own, sample], [folder], both), `Read 1 previous recommendation from 2 files in ${folder}; sample data set aside: ${sample}.`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('readSources', () => {
  it("gives the same key for the same files with the same contents, and another once a file's contents change or it cannot be read", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'upr-sources-key-'));
    try {
      const [first, second] = [join(folder, 'a.json'), join(folder, 'b.csv')];
      writeFileSync(first, '{"format": "upr-recommendations/1", "recommendations": []}');
      writeFileSync(second, 'id,text\n');
      const read = readSources([first, second]);
      assert.equal(readSources([first, second]).key, read.key);
      assert.notEqual(readSources([first]).key, read.key);
      writeFileSync(second, 'id,text\n1,Ratify the CRPD\n');
      const changed = readSources([first, second]).key;
      assert.notEqual(changed, read.key);
      rmSync(second);
      const missing = readSources([first, second]);
      assert.notEqual(missing.key, changed);
      assert.match((await loadReferences(missing)).problems.get(second)?.[0].message ?? '', /cannot be read/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
