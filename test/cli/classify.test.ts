// `node dist/cli.js classify [--lang en|ru|fr|es]` as a separate process: one recommendation per
// line on standard input, one JSON object (or null for a blank line) per line on standard output.
// Run `npm run build` first.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { assertUsageFailure, cliPath, runCli, type Run } from './helpers';

interface Answer {
  category: number;
  label: string;
  smart: { specific: boolean; measurable: boolean; timeBound: boolean; singleAction: boolean };
}

const LABELS = ['minimal action', 'continuing action', 'considering action', 'general action', 'specific action'];

/** Clear cases: [language, text, category, timeBound]. */
const CASES: [string, string, number, boolean][] = [
  ['en', 'Ratify the Optional Protocol to the Convention against Torture by 2027.', 5, true],
  ['en', 'Consider ratifying the Optional Protocol to the Convention on the Rights of Persons with Disabilities.', 3, false],
  ['en', 'Continue its efforts to combat domestic violence.', 2, false],
  ['en', 'Seek technical assistance from OHCHR to strengthen the national human rights institution.', 1, false],
  ['en', 'Take measures to improve access to education for children with disabilities.', 4, false],
  ['ru', 'Ратифицировать Факультативный протокол к Конвенции против пыток к 2027 году.', 5, true],
  ['ru', 'Рассмотреть возможность ратификации Конвенции о правах инвалидов.', 3, false],
  ['ru', 'Продолжать усилия по борьбе с насилием в семье.', 2, false],
  ['ru', 'Обратиться за технической помощью к УВКПЧ.', 1, false],
  ['ru', 'Принять меры по улучшению доступа к образованию.', 4, false],
  ['fr', "Ratifier le Protocole facultatif se rapportant à la Convention contre la torture d'ici 2027.", 5, true],
  ['fr', 'Envisager de ratifier la Convention relative aux droits des personnes handicapées.', 3, false],
  ['fr', 'Poursuivre ses efforts pour lutter contre la violence domestique.', 2, false],
  ['fr', 'Solliciter l’assistance technique du HCDH.', 1, false],
  ['fr', "Prendre des mesures pour améliorer l'accès à l'éducation.", 4, false],
  ['es', 'Ratificar el Protocolo Facultativo de la Convención contra la Tortura antes de 2027.', 5, true],
  ['es', 'Considerar la posibilidad de ratificar la Convención sobre los derechos de las personas con discapacidad.', 3, false],
  ['es', 'Continuar sus esfuerzos para combatir la violencia doméstica.', 2, false],
  ['es', 'Solicitar asistencia técnica del ACNUDH.', 1, false],
  ['es', 'Adoptar medidas para mejorar el acceso a la educación.', 4, false],
];

const TEXTS = CASES.map(([, text]) => text);
const RATIFY = TEXTS[0];
const RATIFY_LINE = '{"category":5,"label":"specific action","smart":{"specific":true,"measurable":true,"timeBound":true,"singleAction":true}}';

function classify(input: string | Buffer, ...args: string[]): Run {
  return runCli(['classify', ...args], { input });
}

/** Standard output as lines; asserts that it ends with a newline. */
function outputLines(result: Run): string[] {
  assert.equal(result.status, 0, `exit code (stderr: ${result.stderr})`);
  assert.equal(result.stderr, '');
  if (result.stdout === '') return [];
  assert.ok(result.stdout.endsWith('\n'), 'the last line ends with a newline');
  return result.stdout.slice(0, -1).split('\n');
}

function answers(result: Run): (Answer | null)[] {
  return outputLines(result).map((line) => JSON.parse(line) as Answer | null);
}

function assertCase(answer: Answer | null, [language, text, category, timeBound]: (typeof CASES)[number]): void {
  const where = `${language}: ${text}`;
  assert.ok(answer, where);
  assert.equal(answer.category, category, where);
  assert.equal(answer.label, LABELS[category - 1], where);
  assert.equal(answer.smart.timeBound, timeBound, where);
}

describe('upr classify', function () {
  it('answers a mix of English, Russian, French and Spanish lines in order, detecting the language per line', function () {
    const result = answers(classify(`${TEXTS.join('\n')}\n`));
    assert.equal(result.length, CASES.length);
    CASES.forEach((testCase, i) => assertCase(result[i], testCase));
  });

  it('writes exactly category, label and smart {specific, measurable, timeBound, singleAction}, in that order', function () {
    const lines = outputLines(classify(`${TEXTS.join('\n')}\n`));
    assert.equal(lines[0], RATIFY_LINE);
    for (const line of lines) {
      const answer = JSON.parse(line) as Answer;
      assert.deepEqual(Object.keys(answer), ['category', 'label', 'smart']);
      assert.deepEqual(Object.keys(answer.smart), ['specific', 'measurable', 'timeBound', 'singleAction']);
      assert.ok(Number.isInteger(answer.category) && answer.category >= 1 && answer.category <= 5, line);
      assert.equal(answer.label, LABELS[answer.category - 1], line);
      for (const flag of Object.values(answer.smart)) assert.equal(typeof flag, 'boolean', line);
    }
  });

  for (const language of ['en', 'ru', 'fr', 'es']) {
    it(`classifies ${language} lines the same with --lang ${language}`, function () {
      const cases = CASES.filter(([lang]) => lang === language);
      const result = answers(classify(cases.map(([, text]) => `${text}\n`).join(''), '--lang', language));
      assert.equal(result.length, cases.length);
      cases.forEach((testCase, i) => assertCase(result[i], testCase));
    });
  }

  it('answers a blank or white-space line with null, keeping output line N for input line N', function () {
    const input = `${RATIFY}\n\n   \t\n${TEXTS[2]}\n\n`;
    const lines = outputLines(classify(input));
    assert.equal(lines.length, 5);
    assert.deepEqual([lines[1], lines[2], lines[4]], ['null', 'null', 'null']);
    assert.equal(lines[0], RATIFY_LINE);
    assert.equal((JSON.parse(lines[3]) as Answer).category, 2);
  });

  it('writes as many lines as it reads, whatever the lines hold', function () {
    const odd = ['-', '1.', '…', '"', '{}', 'null', '😀 ratify', 'x'.repeat(5000), ' leading space', 'a\tb', 'Ratify\rthe Covenant'];
    const input = `${[...odd, ...TEXTS, '', ...odd].join('\n')}\n`;
    const lines = outputLines(classify(input));
    assert.equal(lines.length, odd.length * 2 + TEXTS.length + 1);
    assert.equal(lines[odd.length + TEXTS.length], 'null');
  });

  it('reads CRLF line ends, a byte-order mark and a last line without a newline like plain lines', function () {
    const plain = classify(`${TEXTS.join('\n')}\n`).stdout;
    assert.equal(classify(`\ufeff${TEXTS.join('\r\n')}`).stdout, plain);
    assert.equal(classify(`\ufeff${TEXTS.join('\r\n')}\r\n`).stdout, plain);
    assert.equal(classify(TEXTS.join('\n')).stdout, plain);
    // A blank CRLF line is still blank.
    assert.deepEqual(outputLines(classify(`${RATIFY}\r\n\r\n${RATIFY}\r\n`)), [RATIFY_LINE, 'null', RATIFY_LINE]);
  });

  it('writes nothing for empty input and null for a lone newline', function () {
    assert.deepEqual(outputLines(classify('')), []);
    assert.deepEqual(outputLines(classify('\n')), ['null']);
    assert.deepEqual(outputLines(classify('\r\n\n')), ['null', 'null']);
  });

  it('exits 2 with a one-line reason naming the line for input that is not UTF-8, before any output', function () {
    const latin1 = Buffer.from('Ratifier la Convention d\xe9j\xe0 sign\xe9e.', 'latin1');
    const input = Buffer.concat([Buffer.from(`${RATIFY}\n`), latin1, Buffer.from(`\n${RATIFY}\n`)]);
    assertUsageFailure(classify(input), /line 2\b.*UTF-8/);
    assertUsageFailure(classify(Buffer.from([0xff, 0xfe, 0x41, 0x0a])), /line 1\b.*UTF-8/);
    // In a last line without a newline.
    assertUsageFailure(classify(Buffer.concat([Buffer.from(`${RATIFY}\n`), latin1])), /line 2\b.*UTF-8/);
  });

  it('exits 2 for a multi-byte sequence cut off by the end of the input, after answering the lines before it', function () {
    const result = classify(Buffer.concat([Buffer.from(`${RATIFY}\n`), Buffer.from('Проверка').subarray(0, 3)]));
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^[^\n]*line 2\b[^\n]*UTF-8[^\n]*\n$/);
    // Only the end of the input shows the sequence is cut off; the complete line before it may be answered.
    assert.ok(result.stdout === '' || result.stdout === `${RATIFY_LINE}\n`, JSON.stringify(result.stdout));
  });

  it('exits 2 for an unknown --lang, a missing value, a FILE or a --format', function () {
    assertUsageFailure(classify(`${RATIFY}\n`, '--lang', 'xx'), /"xx".*en, ru, fr or es/);
    assertUsageFailure(classify(`${RATIFY}\n`, '--lang', 'EN'), /EN/);
    assertUsageFailure(classify(`${RATIFY}\n`, '--lang'), /lang/);
    assertUsageFailure(classify(`${RATIFY}\n`, 'recommendations.txt'), /standard input/);
    assertUsageFailure(classify(`${RATIFY}\n`, '--format', 'json'), /format/);
    assertUsageFailure(runCli(['check', 'x.upr.md', '--lang', 'en']), /--lang/);
  });

  it('keeps the order and the count over 100,000 lines', function () {
    this.timeout(120000);
    const block = [...TEXTS, ''];
    const count = 100000;
    const input = Array.from({ length: count }, (_, i) => block[i % block.length]).join('\n');
    const expected = outputLines(classify(`${block.join('\n')}\n`));
    const lines = outputLines(runCli(['classify'], { input, timeout: 110000 }));
    assert.equal(lines.length, count);
    for (let i = 0; i < count; i++) if (lines[i] !== expected[i % block.length]) assert.fail(`line ${i + 1}: ${lines[i]}`);
  });

  it('answers each line as it arrives, before the input ends', async function () {
    const child = spawn(process.execPath, [cliPath, 'classify'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), 15000);
    try {
      let output = '';
      const firstLine = new Promise<string>((resolve, reject) => {
        child.stdout.setEncoding('utf8');
        child.stdout.on('data', (chunk: string) => {
          output += chunk;
          if (output.includes('\n')) resolve(output);
        });
        child.on('exit', () => reject(new Error(`exited before answering; stdout ${JSON.stringify(output)}`)));
      });
      child.stdin.write(`${RATIFY}\n`);
      assert.equal(await firstLine, `${RATIFY_LINE}\n`);
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.stdin.end(`${TEXTS[2]}\n`);
      assert.equal(await exited, 0);
      assert.equal(output.split('\n').length, 3);
    } finally {
      clearTimeout(timer);
      child.kill('SIGKILL');
    }
  });
});
