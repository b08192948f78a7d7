// Importers of previous recommendations (server/src/core/references/importers.ts) on the shared
// data (../shared/data/upr beside the repository, read in place), on small files written here for
// the layouts and mistakes the shared data lacks, and on garbage.

import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { importCsv, importJson, importRecommendations } from '../../server/src/core/references/importers';
import { serialiseRecommendationFile, toEntry, toRecommendationFile, type RecommendationRecord } from '../../server/src/core/references/records';
import { useLocale } from '../../server/src/localisation';
import { sharedCsv } from './sharedData';

const byId = (records: RecommendationRecord[], id: string) => records.find((record) => record.id === id)!;

/**
 * A comma CSV written again with `separator` between fields, quoted as Excel quotes: a field only
 * when it holds the separator, a quote or a line break (so commas stay bare with semicolons).
 */
function withSeparator(text: string, separator: string): string {
  const rows = parse(text, { relax_column_count: true }) as string[][];
  const quoted = (field: string) => (field.includes(separator) || /["\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);
  return `${rows.map((row) => row.map(quoted).join(separator)).join('\n')}\n`;
}

/** Records as compared across files: all but the name of the file. */
const withoutFile = (records: RecommendationRecord[]) => records.map(({ source, ...record }) => ({ ...record, line: source.line }));

describe('importers', () => {
  describe('the layout of recommendations.csv (UPR Info rows with paragraphs)', () => {
    const result = importCsv(sharedCsv('recommendations.csv'), 'recommendations.csv');

    it('reads every row', () => {
      assert.equal(result.layout, 'upr-info-located');
      assert.deepEqual(result.errors, []);
      assert.equal(result.rows, 1273);
      assert.equal(result.records.length, 1273);
    });

    it('maps each column, with the line of the row', () => {
      assert.deepEqual(result.records[0], {
        id: 'KGZ-S08-001',
        symbol: 'A/HRC/15/2',
        paragraph: '76.27',
        text: 'Adopt a zero-tolerance policy towards corruption',
        reportText: 'Adopt a zero-tolerance policy towards corruption (Tajikistan)',
        paragraphMatch: 'state-differs',
        stateCode: 'KGZ',
        cycle: 1,
        session: 8,
        year: 2010,
        recommendingStates: ['Afghanistan'],
        body: 'UPR',
        response: 'supported',
        actionCategory: 4,
        issues: ['Corruption'],
        sdgs: [],
        state: 'Kyrgyzstan',
        source: { file: 'recommendations.csv', line: 2 },
      });
      const kgz156 = byId(result.records, 'KGZ-S08-156');
      assert.equal(kgz156.paragraphMatch, 'text');
      assert.equal(kgz156.source.line, 157);
      assert.deepEqual(byId(result.records, 'KGZ-S08-002').issues, ['Justice', 'Rights of the Child']);
    });

    it('keeps a row whose paragraph was not found, without symbol or paragraph', () => {
      const record = byId(result.records, 'UZB-S16-001');
      assert.equal(record.symbol, undefined);
      assert.equal(record.paragraph, undefined);
      assert.equal(record.text, 'Continue the legal and legislative reforms');
      assert.equal(record.cycle, 2);
      assert.equal(record.source.line, 794);
    });
  });

  describe('OHCHR thematic lists (Slovenia)', () => {
    const result = importCsv(sharedCsv('slovenia_cycles2-4_thematic_lists.csv'), 'slovenia.csv');
    const at = (paragraph: string) => result.records.find((record) => record.paragraph === paragraph)!;

    it('reads every row', () => {
      assert.equal(result.layout, 'ohchr-thematic-list');
      assert.deepEqual(result.errors, []);
      assert.equal(result.records.length, 632);
      assert.equal(result.records.filter((record) => record.response === 'noted').length, 91);
      assert.deepEqual([2, 3, 4].map((cycle) => result.records.filter((record) => record.cycle === cycle).length), [163, 215, 254]);
    });

    it('takes the recommending States out of the text and keeps the item as written', () => {
      const record = at('115.3');
      assert.equal(record.text, 'Ratify the Optional Protocol to the Rights of the Child on a communications procedure');
      assert.equal(record.reportText, 'Ratify the Optional Protocol to the Rights of the Child on a communications procedure (Portugal, Slovakia);');
      assert.deepEqual(record.recommendingStates, ['Portugal', 'Slovakia']);
      assert.equal(record.symbol, 'A/HRC/28/15');
      assert.equal(record.source.line, 3);
      assert.equal(at('140.7').text, 'Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights');
    });

    it('reads themes and SDGs as lists', () => {
      assert.deepEqual(at('122.20').sdgs, ['3', '16']);
      assert.ok(at('140.7').issues.includes('Economic, social & cultural rights - general measures of implementation'));
    });
  });

  describe('UPR Info database export', () => {
    // As the export is: CR line ends, issues joined by commas, "Accepted".
    const csv = [
      'To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session',
      'Argentina,GRULAC,"OAS, OEI",Ratify the new optional protocol to the Convention on the Rights of the Child,Portugal,WEOG,"EU, OEI",Accepted,5,"International instruments,Rights of the Child",14',
      'Argentina,GRULAC,"OAS, OEI","Continue the effective implementation of the initiative known as ""Towards a National Plan to Combat Discrimination""",Armenia,EEG,"CIS, OIF",Accepted,2,National plan of action,14',
      'Argentina,GRULAC,"OAS, OEI",Define racial discrimination as an offence in domestic law,Trinidad & Tobago,GRULAC,"OAS, ACS, Commonwealth",Noted,5,"Racial discrimination,Treaty bodies",14',
    ].join('\r');
    const result = importCsv(csv, 'upr-info.csv');

    it('reads rows that cannot be cited by paragraph', () => {
      assert.equal(result.layout, 'upr-info-export');
      assert.deepEqual(result.errors, []);
      assert.deepEqual(
        result.records.map(({ state, recommendingStates, response, actionCategory, issues, session, cycle, symbol, source }) => ({
          state, recommendingStates, response, actionCategory, issues, session, cycle, symbol, line: source.line,
        })),
        [
          { state: 'Argentina', recommendingStates: ['Portugal'], response: 'supported', actionCategory: 5, issues: ['International instruments', 'Rights of the Child'], session: 14, cycle: 2, symbol: undefined, line: 2 },
          { state: 'Argentina', recommendingStates: ['Armenia'], response: 'supported', actionCategory: 2, issues: ['National plan of action'], session: 14, cycle: 2, symbol: undefined, line: 3 },
          { state: 'Argentina', recommendingStates: ['Trinidad & Tobago'], response: 'noted', actionCategory: 5, issues: ['Racial discrimination', 'Treaty bodies'], session: 14, cycle: 2, symbol: undefined, line: 4 },
        ],
      );
      assert.equal(result.records[1].text, 'Continue the effective implementation of the initiative known as "Towards a National Plan to Combat Discrimination"');
    });
  });

  describe('Universal Human Rights Index export (assumed columns)', () => {
    it('reads the columns a UHRI export is said to have', () => {
      const csv = [
        'Text,Countries Concerned,Reccomending Body,Document Symbol,Themes,Affected Persons,Sdgs,Document Publication Date,UPR Reccomending States,UPR Position,Type,UPR Session',
        '"Rural women 49. The Committee recommends that the State party ensure access to land","- Iraq","- CEDAW","CEDAW/C/IRQ/CO/8","- Equality & non-discrimination\n- Discrimination against women","- Women & girls","- 1.4 - Equal rights to economic resources\n- 16.3 - Promote the rule of law",46078,,,- Recommendations,',
        '"115.3 Ratify the Optional Protocol on a communications procedure (Portugal, Slovakia);","- Slovenia","- UPR","A/HRC/28/15","- Acceptance of international norms",,"- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS",2015-03-05,"- Portugal\n- Slovakia",- Supported,- Recommendations,20th session',
      ].join('\n');
      const result = importCsv(csv, 'uhri.csv');
      assert.equal(result.layout, 'uhri-export');
      assert.deepEqual(result.errors, []);
      const [cedaw, upr] = result.records;
      assert.equal(cedaw.state, 'Iraq');
      assert.equal(cedaw.body, 'CEDAW');
      assert.equal(cedaw.symbol, 'CEDAW/C/IRQ/CO/8');
      assert.equal(cedaw.paragraph, '49');
      assert.deepEqual(cedaw.sdgs, ['1.4', '16.3']);
      assert.deepEqual(cedaw.issues, ['Equality & non-discrimination', 'Discrimination against women']);
      assert.equal(cedaw.year, 2026);
      assert.deepEqual(cedaw.recommendingStates, []);
      assert.equal(cedaw.source.line, 2);
      assert.equal(upr.paragraph, '115.3');
      assert.equal(upr.text, 'Ratify the Optional Protocol on a communications procedure (Portugal, Slovakia);');
      assert.deepEqual(upr.recommendingStates, ['Portugal', 'Slovakia']);
      assert.equal(upr.response, 'supported');
      assert.equal(upr.session, 20);
      assert.equal(upr.cycle, 2);
      assert.equal(upr.year, 2015);
      assert.deepEqual(upr.sdgs, ['16']);
      assert.equal(upr.source.line, 5); // the row before spans lines 2 to 4
    });

    it('reads plain column names too, and one record per State concerned', () => {
      const csv = [
        'Symbol,Paragraph,Recommendation,Mechanism,Country,Themes,SDGs,Year,Position',
        'CRC/C/KGZ/CO/3-4,12,Adopt a comprehensive child protection law,CRC,Kyrgyzstan,Rights of the Child,16.2,2014,',
        'A/HRC/41/34/Add.1,,Ensure access to justice for persons with disabilities,SR on disability,Kyrgyzstan; Kazakhstan,Disabilities,,2019,',
      ].join('\n');
      const result = importCsv(csv, 'uhri-plain.csv');
      assert.equal(result.layout, 'uhri-export');
      assert.deepEqual(result.errors, []);
      assert.deepEqual(
        result.records.map(({ symbol, paragraph, body, state, sdgs, year, source }) => ({ symbol, paragraph, body, state, sdgs, year, line: source.line })),
        [
          { symbol: 'CRC/C/KGZ/CO/3-4', paragraph: '12', body: 'CRC', state: 'Kyrgyzstan', sdgs: ['16.2'], year: 2014, line: 2 },
          { symbol: 'A/HRC/41/34/Add.1', paragraph: undefined, body: 'SR on disability', state: 'Kyrgyzstan', sdgs: [], year: 2019, line: 3 },
          { symbol: 'A/HRC/41/34/Add.1', paragraph: undefined, body: 'SR on disability', state: 'Kazakhstan', sdgs: [], year: 2019, line: 3 },
        ],
      );
    });
  });

  describe('bad rows', () => {
    const header = 'id,state_under_review,sur_iso3,cycle,wg_session,year,wg_report_symbol,paragraph,text,recommending_state,response,action_category,issues';
    const csv = [
      header,
      'R1,Kyrgyzstan,KGZ,1,8,2010,A/HRC/15/2,76.1,"Sign and ratify the Second Optional Protocol",Spain,Supported,5,International instruments',
      'R2,Kyrgyzstan,KGZ,1,8,2010,A/HRC/15/2,76.2,,Belgium,Supported,5,',
      'R3,Kyrgyzstan,KGZ,1,8,2010,HRC 15/2,76.3,Abolish the death penalty,France,Supported,5,',
      'R4,Kyrgyzstan,KGZ,1,8,2010,A/HRC/15/2,seventy-six,Abolish the death penalty,France,Supported,5,',
      '"R5",Kyrgyzstan,KGZ,1,8,2010,A/HRC/15/2,76.5,"A text over',
      'two lines",Norway,Maybe,5,',
      'R6,Kyrgyzstan,KGZ,1,8,2010,A/HRC/15/2,76.6,Ratify CRPD,Spain,Supported,7,',
      'R7,Kyrgyzstan,KGZ,1,8,2010,A/HRC/15/2,76.7,Ratify CRPD,Spain',
      'R8,,KGZ,1,8,2010,,76.8,Ratify CRPD,Spain,Noted,5,',
      'R9,Kyrgyzstan,KGZ,1,8,2010,A/HRC/15/2,76.9,Ratify CRPD,Spain,Noted,5,',
    ].join('\n');
    const result = importCsv(csv, 'bad.csv');

    it('reports each bad row by its line, with the reason, and keeps the good ones', () => {
      assert.deepEqual(result.errors, [
        { line: 3, message: 'no recommendation text (column "text")' },
        { line: 4, message: '"HRC 15/2" is not a UN document symbol such as A/HRC/15/2 (column "wg_report_symbol")' },
        { line: 5, message: '"seventy-six" is not a paragraph number such as 76.27 or 12 (column "paragraph")' },
        { line: 6, message: 'unknown response "Maybe" (column "response"): expected Supported, Accepted or Noted' },
        { line: 8, message: 'action category "7" (column "action_category") is not a whole number from 1 to 5' },
        { line: 9, message: 'the row has 10 fields where the header has 13' },
        { line: 10, message: 'no State under review (column "state_under_review")' },
        { line: 10, message: 'paragraph 76.8 without a document symbol (column "wg_report_symbol")' },
      ]);
      assert.deepEqual(result.records.map((record) => [record.id, record.source.line]), [['R1', 2], ['R9', 11]]);
    });

    it('reports a quoted field never closed from its line', () => {
      const unclosed = importCsv(`${header}\nR1,Kyrgyzstan,KGZ,1,8,2010,A/HRC/15/2,76.1,Ratify CRPD,Spain,Supported,5,\nR2,Kyrgyzstan,KGZ,1,8,2010,A/HRC/15/2,76.2,"Ratify\nCRPD,Spain,Supported,5,\n`, 'unclosed.csv');
      assert.deepEqual(unclosed.errors, [{ line: 3, message: 'a quoted field is never closed' }]);
      assert.equal(unclosed.records.length, 1);
      const semicolons = importCsv(`${header}\nR1,Kyrgyzstan,KGZ,1,8,2010,A/HRC/15/2,76.1,Ratify CRPD,Spain,Supported,5,\nR2,Kyrgyzstan,KGZ,1,8,2010,A/HRC/15/2,76.2,"Ratify\nCRPD,Spain,Supported,5,\n`.replace(/,/g, ';'), 'unclosed.csv');
      assert.deepEqual(semicolons.errors, unclosed.errors);
      assert.equal(semicolons.records.length, 1);
    });

    it('reports the same lines and reasons when the fields are separated by semicolons or tabs', () => {
      for (const separator of [';', '\t']) {
        const other = importCsv(withSeparator(csv, separator), 'bad.csv');
        assert.equal(other.layout, 'upr-info-located');
        assert.deepEqual(other.errors, result.errors);
        assert.deepEqual(other.records, result.records);
      }
    });
  });

  describe('warnings: rows kept that look wrong', () => {
    // Real rows of recommendations.csv, by line (each is one line of the file).
    const shared = sharedCsv('recommendations.csv').split('\n');
    const [header, kgz001, kgz002, kgz156] = [shared[0], shared[1], shared[2], shared[156]];
    const located = (...rows: string[]) => importCsv([header, ...rows].join('\n'), 'rows.csv');

    it('finds none in the shared data', () => {
      assert.deepEqual(importCsv(sharedCsv('recommendations.csv'), 'recommendations.csv').warnings, []);
      assert.deepEqual(importCsv(sharedCsv('slovenia_cycles2-4_thematic_lists.csv'), 'slovenia.csv').warnings, []);
    });

    it('says a row is the same as an earlier one, and imports both', () => {
      const result = located(kgz001, kgz002, kgz001.replace('KGZ-S08-001', 'KGZ-S08-001b'));
      assert.deepEqual(result.errors, []);
      assert.deepEqual(result.warnings, [
        {
          line: 4,
          message: 'the same recommendation as line 2 (same report, paragraph, recommending States and text): check whether the file lists it twice; both are imported',
        },
      ]);
      assert.deepEqual(result.records.map((record) => record.id), ['KGZ-S08-001', 'KGZ-S08-002', 'KGZ-S08-001b']);
    });

    it('takes the same words from another recommending State for another recommendation', () => {
      // A/HRC/15/2, para. 76.27: UPR Info credits Afghanistan and Tajikistan with the same text.
      assert.ok(kgz156.startsWith('KGZ-S08-156,'));
      assert.deepEqual(located(kgz001, kgz156).warnings, []);
    });

    it('tells rows of a UPR Info export apart by State under review and session', () => {
      const csv = [
        'To,Text,From,Response,Session',
        'Argentina,Ratify the Convention on the Rights of Persons with Disabilities,Spain,Accepted,14',
        'Chile,Ratify the Convention on the Rights of Persons with Disabilities,Spain,Accepted,14',
        'Argentina,Ratify the Convention on the Rights of Persons with Disabilities,Spain,Accepted,1',
        'Argentina,Ratify the Convention on the Rights of Persons with Disabilities,Spain,Accepted,14',
      ].join('\n');
      assert.deepEqual(importCsv(csv, 'upr-info.csv').warnings, [
        {
          line: 5,
          message: 'the same recommendation as line 2 (same State under review, session, recommending States and text): check whether the file lists it twice; both are imported',
        },
      ]);
    });

    it('says nothing of one UHRI row for two States', () => {
      const csv = 'Symbol,Paragraph,Recommendation,Mechanism,Country\nA/HRC/41/34/Add.1,12,Ensure access to justice,SR on disability,Kyrgyzstan; Kazakhstan\n';
      const result = importCsv(csv, 'uhri.csv');
      assert.equal(result.records.length, 2);
      assert.deepEqual(result.warnings, []);
    });

    it('says when the State under review is not the State of its code', () => {
      const result = located(kgz001.replace(',Kyrgyzstan,KGZ,', ',Kazakhstan,KGZ,'), kgz002.replace(',Kyrgyzstan,KGZ,', ',Kyrgyz Republic,KGZ,'));
      assert.deepEqual(result.warnings, [
        { line: 2, message: 'column "state_under_review" gives Kazakhstan but column "sur_iso3" gives KGZ, the code of Kyrgyzstan: check which is right' },
      ]);
      assert.equal(result.records.length, 2);
    });

    it('says nothing of a name or code the list of States lacks', () => {
      const result = located(kgz001.replace(',Kyrgyzstan,KGZ,', ',Kyrgyzstaan,KGZ,'), kgz002.replace(',Kyrgyzstan,KGZ,', ',Kyrgyzstan,XKX,'));
      assert.deepEqual(result.errors, []);
      assert.deepEqual(result.warnings, []);
    });

    it('says when the reference column is not the symbol and paragraph', () => {
      const result = located(
        kgz001.replace('"A/HRC/15/2, para. 76.27"', '"A/HRC/15/2, para. 76.72"'),
        kgz002.replace('"A/HRC/15/2, para. 76.69"', '"a/hrc/15/2 para 76.69"'),
        kgz156.replace('A/HRC/15/2,False,76.27,', ',False,,'),
      );
      assert.deepEqual(result.errors, []);
      assert.deepEqual(result.warnings, [
        {
          line: 2,
          message:
            'column "reference" gives "A/HRC/15/2, para. 76.72" but column "wg_report_symbol" and column "paragraph" give "A/HRC/15/2, para. 76.27": check which is right; the row is imported as "A/HRC/15/2, para. 76.27"',
        },
        {
          line: 4,
          message:
            'column "reference" gives "A/HRC/15/2, para. 76.27" but column "wg_report_symbol" and column "paragraph" are empty: check the row; it is imported without a reference and cannot be cited by paragraph',
        },
      ]);
      assert.equal(result.records[2].symbol, undefined);
    });

    it('checks the reference column of OHCHR thematic lists too', () => {
      const [listHeader, first] = sharedCsv('slovenia_cycles2-4_thematic_lists.csv').split('\n');
      const result = importCsv([listHeader, first.replace('A/HRC/28/15,115.1,', 'A/HRC/28/15,115.11,')].join('\n'), 'slovenia.csv');
      assert.deepEqual(result.warnings.map((warning) => warning.line), [2]);
      assert.match(result.warnings[0].message, /^column "reference" gives "A\/HRC\/28\/15, para\. 115\.1" but .* give "A\/HRC\/28\/15, para\. 115\.11"/);
    });

    it('are said in Russian when asked', () => {
      useLocale('ru');
      try {
        const [warning] = located(kgz001, kgz001).warnings;
        assert.match(warning.message, /^та же рекомендация, что в строке 2 /);
      } finally {
        useLocale('en');
      }
    });
  });

  describe('exports with semicolons or tabs between fields (Excel with Russian or European settings)', () => {
    for (const [name, layout] of [
      ['recommendations.csv', 'upr-info-located'],
      ['slovenia_cycles2-4_thematic_lists.csv', 'ohchr-thematic-list'],
    ] as const) {
      it(`reads ${name} with semicolons or tabs as with commas`, () => {
        const text = sharedCsv(name);
        const cells = (parse(text) as string[][]).flat();
        // The fields a naive conversion or split would get wrong are there.
        assert.ok(cells.some((cell) => cell.includes(',')));
        assert.ok(cells.some((cell) => cell.includes(';')));
        const commas = importCsv(text, name);
        assert.equal(commas.layout, layout);
        for (const separator of [';', '\t']) {
          const converted = withSeparator(text, separator);
          assert.ok(converted.split('\n', 1)[0].includes(separator));
          const other = importCsv(converted, `other-${name}`);
          assert.equal(other.layout, layout, JSON.stringify(separator));
          assert.deepEqual(other.errors, []);
          assert.deepEqual(other.warnings, []);
          assert.equal(other.rows, commas.rows);
          assert.deepEqual(withoutFile(other.records), withoutFile(commas.records));
        }
      });
    }

    it('gives the same warnings on the same lines', () => {
      const shared = sharedCsv('recommendations.csv').split('\n');
      const [header, kgz001, kgz002] = shared;
      const csv = [header, kgz001.replace(',Kyrgyzstan,KGZ,', ',Kazakhstan,KGZ,'), kgz002, kgz002.replace('KGZ-S08-002', 'KGZ-S08-002b')].join('\n');
      const commas = importCsv(csv, 'rows.csv');
      assert.deepEqual(commas.warnings.map((warning) => warning.line), [2, 4]);
      assert.deepEqual(importCsv(withSeparator(csv, ';'), 'rows.csv').warnings, commas.warnings);
      assert.deepEqual(importCsv(withSeparator(csv, '\t'), 'rows.csv').warnings, commas.warnings);
    });

    it('takes the separator that splits the header, outside quotes, into the most fields', () => {
      // Eight fields by semicolons inside the quotes, six by commas outside: commas.
      const commas = importCsv('Symbol,Paragraph,Recommendation,Mechanism,Country,"Notes; a; b; c; d; e; f; g"\nCRC/C/KGZ/CO/3-4,12,Adopt a child protection law,CRC,Kyrgyzstan,"a; b"\n', 'uhri.csv');
      assert.equal(commas.layout, 'uhri-export');
      assert.deepEqual(commas.errors, []);
      assert.equal(commas.records[0].text, 'Adopt a child protection law');
      // A comma in a header name does not make a semicolon file a comma file.
      const semicolons = importCsv('Symbol;Paragraph;Recommendation;Mechanism;"Country, or State"\nCRC/C/KGZ/CO/3-4;12;Adopt a law, soon;CRC;Kyrgyzstan\n', 'uhri.csv');
      assert.deepEqual(semicolons.errors, [{ line: 1, message: importCsv('Symbol,Paragraph,Recommendation,Mechanism,"Country, or State"\n', 'uhri.csv').errors[0].message.replace('unknown layout:', 'unknown layout (read with semicolons between fields):') }]);
      const bom = importCsv('\uFEFFSymbol;Paragraph;Recommendation;Mechanism;Country\nCRC/C/KGZ/CO/3-4;12;Adopt a law, soon;CRC;Kyrgyzstan\n', 'uhri.csv');
      assert.deepEqual(bom.errors, []);
      assert.equal(bom.records[0].text, 'Adopt a law, soon');
      // Empty lines before the header are skipped, as the parser skips them.
      const late = importCsv('\n\nSymbol\tParagraph\tRecommendation\tMechanism\tCountry\nCRC/C/KGZ/CO/3-4\t12\tAdopt a law, soon\tCRC\tKyrgyzstan\n', 'uhri.tsv');
      assert.deepEqual(late.errors, []);
      assert.deepEqual(late.records.map((record) => [record.text, record.source.line]), [['Adopt a law, soon', 4]]);
    });

    it('says the separator when no layout is recognised, and only then', () => {
      const commas = importCsv('name,email\nAda,ada@example.org\n', 'people.csv').errors;
      const semicolons = importCsv('name;email\nAda;ada@example.org\n', 'people.csv').errors;
      const tabs = importCsv('name\temail\nAda\tada@example.org\n', 'people.csv').errors;
      assert.match(semicolons[0].message, /^unknown layout \(read with semicolons between fields\): expected columns /);
      assert.match(tabs[0].message, /^unknown layout \(read with tabs between fields\): expected columns /);
      assert.equal(semicolons[0].message.replace(' (read with semicolons between fields)', ''), commas[0].message);
      assert.equal(tabs[0].message.replace(' (read with tabs between fields)', ''), commas[0].message);
      // A header of a known layout that lacks columns was split right: the same message as with commas.
      const lacking = 'state_under_review,text,recommending_state\nKyrgyzstan,Ratify CRPD,Spain\n';
      assert.deepEqual(importCsv(lacking.replace(/,/g, ';'), 'x.csv').errors, importCsv(lacking, 'x.csv').errors);
      useLocale('ru');
      try {
        assert.match(importCsv('name;email\n', 'people.csv').errors[0].message, /^неизвестный формат \(поля прочитаны как разделённые точкой с запятой\): /);
      } finally {
        useLocale('en');
      }
    });
  });

  describe('garbage', () => {
    it('names the layouts it knows when the columns are unknown', () => {
      const result = importCsv('name,email\nAda,ada@example.org\n', 'people.csv');
      assert.equal(result.layout, undefined);
      assert.equal(result.records.length, 0);
      assert.equal(result.errors.length, 1);
      assert.equal(result.errors[0].line, 1);
      assert.match(result.errors[0].message, /^unknown layout: expected columns /);
      for (const columns of ['To, To-Rgrp, To-Org, Text, From', 'state_under_review, sur_iso3', 'recommending_states, position', 'Symbol (or Document symbol)']) {
        assert.ok(result.errors[0].message.includes(columns), columns);
      }
    });

    it('says what is wrong with empty and binary files', () => {
      assert.deepEqual(importCsv('', 'empty.csv').errors, [{ line: 1, message: 'the file is empty' }]);
      assert.deepEqual(importCsv('\uFEFF \n\n', 'blank.csv').errors, [{ line: 1, message: 'the file is empty' }]);
      assert.deepEqual(importCsv('PK\u0003\u0004\u0000\u0000', 'book.xlsx').errors, [{ line: 1, message: 'the file is not text (it holds binary data)' }]);
      assert.deepEqual(importJson('', 'empty.json').errors, [{ line: 1, message: 'the file is empty' }]);
      assert.deepEqual(importJson(42 as unknown as string, 'x.json').errors, [{ line: 1, message: 'the file is not text' }]);
    });

    it('never throws, whatever the text', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
          importCsv(text, 'any.csv');
          importJson(text, 'any.json');
          importCsv(`To,Text,From\n${text}`, 'any.csv');
          importJson(`{"format":"upr-recommendations/1","recommendations":[${text}]}`, 'any.json');
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('the project JSON', () => {
    const csv = importCsv(sharedCsv('recommendations.csv'), 'recommendations.csv');
    const slovenia = importCsv(sharedCsv('slovenia_cycles2-4_thematic_lists.csv'), 'slovenia.csv');

    it('gives back the records it was written from (CSV → JSON → records)', () => {
      for (const imported of [csv, slovenia]) {
        const text = serialiseRecommendationFile(toRecommendationFile(imported.records, { description: 'test' }));
        const back = importJson(text, 'out.json');
        assert.deepEqual(back.errors, []);
        assert.equal(back.layout, 'upr-recommendations-json');
        assert.equal(back.description, 'test');
        assert.deepEqual(back.records.map(toEntry), imported.records.map(toEntry));
        // Each record points at the line of its entry.
        const lines = text.split('\n');
        for (const record of back.records.slice(0, 50)) assert.equal(JSON.parse(lines[record.source.line - 1].replace(/,$/, '')).text, record.text);
      }
    });

    it('finds the lines of entries in JSON written any way', () => {
      const file = toRecommendationFile(slovenia.records.slice(0, 3));
      file.description = 'a { in the description';
      const text = JSON.stringify(file, null, 2);
      const back = importJson(text, 'pretty.json');
      assert.deepEqual(back.errors, []);
      const lines = text.split('\n');
      assert.deepEqual(
        back.records.map((record) => lines[record.source.line - 1].trim()),
        ['{', '{', '{'],
      );
      assert.equal(back.records[1].source.line, lines.indexOf('    {', lines.indexOf('    {') + 1) + 1);
    });

    it('reports schema errors at the line of the entry and keeps the other entries', () => {
      const entries = slovenia.records.slice(0, 3).map(toEntry);
      const text = serialiseRecommendationFile({
        format: 'upr-recommendations/1',
        recommendations: [entries[0], { ...entries[1], response: 'maybe' as 'noted', paragraph: '12a' }, entries[2]],
      });
      const result = importJson(text, 'bad.json');
      assert.deepEqual(result.errors, [
        { line: 5, message: '"12a" is not a paragraph number such as 76.27 or 12 (key "recommendations[1].paragraph")' },
        { line: 5, message: '"recommendations[1].response" must be one of supported, noted, not "maybe".' },
      ]);
      assert.deepEqual(result.records.map((record) => record.paragraph), [entries[0].paragraph, entries[2].paragraph]);
    });

    it('refuses a file that is not in the format, with the line', () => {
      assert.deepEqual(importJson('{\n  "format": "upr-recommendations/2",\n  "recommendations": []\n}', 'v2.json').errors, [
        { line: 2, message: '"format" must be "upr-recommendations/1", not "upr-recommendations/2"' },
      ]);
      const broken = importJson('{\n  "format": "upr-recommendations/1",\n  "recommendations": [\n    {"text": "x",}\n  ]\n}', 'broken.json');
      assert.equal(broken.errors.length, 1);
      assert.equal(broken.errors[0].line, 4);
      assert.match(broken.errors[0].message, /^not JSON: /);
      assert.deepEqual(importJson('[1, 2]', 'array.json').errors, [
        { line: 1, message: 'not a file of recommendations: expected an object with "format" and "recommendations"' },
      ]);
      assert.equal(importJson('{\n  "format": "upr-recommendations/1",\n}', 'comma.json').errors[0].line, 3);
      // Another program's JSON (the shared data's own): once, with what to import instead.
      assert.deepEqual(importJson(sharedCsv('recommendations.json'), 'recommendations.json').errors, [
        {
          line: 1,
          message:
            'not a file of recommendations in the project\'s format ("format": "upr-recommendations/1" and "recommendations"): import the CSV export instead (UPR Info, OHCHR thematic list or Universal Human Rights Index)',
        },
      ]);
    });

    it('reads a file by its name', () => {
      assert.equal(importRecommendations('{"format":"upr-recommendations/1","recommendations":[]}', 'x.JSON').layout, 'upr-recommendations-json');
      assert.equal(importRecommendations(sharedCsv('recommendations.csv'), 'x.csv').layout, 'upr-info-located');
    });
  });
});
