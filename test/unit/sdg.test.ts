import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import shipped from '../../server/src/core/references/sdgTargets.json';
import {
  bestTargetsFor,
  completeTargets,
  describeTarget,
  sdgGoal,
  sdgGoals,
  sdgLabel,
  sdgTarget,
  sdgTargets,
  searchTargets,
  shortTargetText,
  targetSpans,
  targetsOfGoal,
} from '../../server/src/core/references/sdg';
import { sdgCitation, sdgReferencesRule, sdgSuggestions } from '../../server/src/core/rules/sdgReferences';
import { useLocale } from '../../server/src/localisation';
import { analyse, applyEdits, frontMatter, textAt } from './helpers';

// The reference texts the shipped data was made from (shared/ beside the repository).
const SHARED = `${process.cwd()}/../shared/data/sdg`;
interface SharedTargets {
  goals: { id: string; short: string; title: string }[];
  targets: { id: string; goal: string; kind: string; text: string }[];
}
interface SharedI18n {
  languages: { ru: { goals: Record<string, { short: string; title: string }>; targets: Record<string, string> } };
}
// OHCHR's thematic lists of Slovenia's recommendations, with the SDG goals OHCHR gave each (read in place).
const UPR = `${process.cwd()}/../shared/data/upr`;
const english = JSON.parse(readFileSync(`${SHARED}/targets.json`, 'utf8')) as SharedTargets;
const russian = (JSON.parse(readFileSync(`${SHARED}/targets.i18n.json`, 'utf8')) as SharedI18n).languages.ru;
// The reference Russian writes some "й" as "и" and a combining breve; the shipped data has the same
// text in composed form (NFC), so texts are compared composed.
const nfc = (text: string) => text.normalize('NFC');

// Targets per goal, as the shared README states them.
const PER_GOAL: Record<string, number> = {
  1: 7, 2: 8, 3: 13, 4: 10, 5: 9, 6: 8, 7: 5, 8: 12, 9: 8, 10: 10, 11: 10, 12: 11, 13: 5, 14: 10, 15: 12, 16: 12, 17: 19,
};

describe('SDG data', () => {
  it('has 17 goals and 169 targets, as many per goal as the UN lists', () => {
    assert.equal(shipped.goals.length, 17);
    assert.equal(shipped.targets.length, 169);
    assert.deepEqual(
      shipped.goals.map((goal) => goal.id),
      Array.from({ length: 17 }, (_, i) => String(i + 1)),
    );
    for (const goal of shipped.goals) assert.equal(targetsOfGoal(goal.id).length, PER_GOAL[goal.id], `goal ${goal.id}`);
    assert.equal(shipped.targets.filter((target) => /\.\d+$/.test(target.id)).length, 126);
    assert.equal(shipped.targets.filter((target) => /\.[a-z]$/.test(target.id)).length, 43);
    assert.equal(new Set(shipped.targets.map((target) => target.id)).size, 169);
  });

  it('has every goal title and short name, English and Russian, as in the reference texts', () => {
    assert.equal(english.goals.length, 17);
    assert.deepEqual(
      shipped.goals.map((goal) => goal.id),
      english.goals.map((goal) => goal.id),
    );
    for (const [i, goal] of shipped.goals.entries()) {
      assert.equal(goal.en.title, english.goals[i].title, `goal ${goal.id} title`);
      assert.equal(goal.en.short, english.goals[i].short, `goal ${goal.id} short`);
      assert.equal(goal.ru.title, nfc(russian.goals[goal.id].title), `goal ${goal.id} ru title`);
      assert.equal(goal.ru.short, nfc(russian.goals[goal.id].short), `goal ${goal.id} ru short`);
    }
    assert.equal(Object.keys(russian.goals).length, 17);
  });

  it('has every target text, English and Russian, as in the reference texts, in the same order', () => {
    assert.equal(english.targets.length, 169);
    assert.equal(Object.keys(russian.targets).length, 169);
    assert.deepEqual(
      shipped.targets.map((target) => [target.id, target.goal]),
      english.targets.map((target) => [target.id, target.goal]),
    );
    for (const [i, target] of shipped.targets.entries()) {
      assert.equal(target.en, english.targets[i].text, `target ${target.id}`);
      assert.equal(target.ru, nfc(russian.targets[target.id]), `target ${target.id} ru`);
    }
  });

  it('has every text in composed form (NFC), without stray spaces', () => {
    const texts = [
      ...shipped.goals.flatMap((goal) => [goal.en.title, goal.en.short, goal.ru.title, goal.ru.short]),
      ...shipped.targets.flatMap((target) => [target.en, target.ru]),
    ];
    assert.equal(texts.length, 17 * 4 + 169 * 2);
    for (const text of texts) {
      assert.equal(text, nfc(text));
      assert.equal(text, text.trim());
      assert.doesNotMatch(text, /\s{2}|[\u00a0\u2011\u0300-\u036f]/);
    }
  });

  it('keeps only the goals and targets, in its own shape', () => {
    assert.deepEqual(Object.keys(shipped), ['goals', 'targets']);
    for (const goal of shipped.goals) assert.deepEqual(Object.keys(goal), ['id', 'en', 'ru']);
    for (const target of shipped.targets) assert.deepEqual(Object.keys(target), ['id', 'goal', 'en', 'ru']);
  });
});

describe('SDG look-up', () => {
  it('finds goals and targets by id', () => {
    assert.equal(sdgGoals().length, 17);
    assert.equal(sdgTargets().length, 169);
    assert.equal(sdgGoal('5')?.en.short, 'Gender equality');
    assert.equal(sdgGoal('5')?.ru.short, 'Гендерное равенство');
    assert.match(sdgTarget('5.2')!.en, /^Eliminate all forms of violence against all women and girls/);
    assert.match(sdgTarget('16.10')!.en, /public access to information/);
    assert.equal(sdgTarget('5.A')?.id, '5.a');
    for (const id of ['18', '0', '05', '5.2', '']) assert.equal(sdgGoal(id), undefined, id);
    for (const id of ['5.9', '18.1', '5.d', '5', '17.20']) assert.equal(sdgTarget(id), undefined, id);
  });

  it('names a goal\'s targets as runs', () => {
    assert.deepEqual(targetSpans('5'), ['5.1–5.6', '5.a–5.c']);
    assert.deepEqual(targetSpans('7'), ['7.1–7.3', '7.a–7.b']);
    assert.deepEqual(targetSpans('17'), ['17.1–17.19']);
    assert.deepEqual(targetSpans('18'), []);
  });

  it('gives the citation label of each language', () => {
    assert.deepEqual(['en', 'ru', 'fr', 'es', undefined].map(sdgLabel), ['SDG', 'ЦУР', 'ODD', 'ODS', 'SDG']);
  });

  it('describes a target for a hover: its text and its goal\'s title', () => {
    assert.equal(
      describeTarget('5.2', 'en'),
      '**SDG 5.2** — Eliminate all forms of violence against all women and girls in the public and private spheres, ' +
        'including trafficking and sexual and other types of exploitation\n\nGoal 5: Achieve gender equality and empower all women and girls',
    );
    const russianHover = describeTarget('16.1', 'ru')!;
    assert.match(russianHover, /^\*\*ЦУР 16\.1\*\* — Значительно сократить распространенность всех форм насилия/);
    assert.match(russianHover, /\n\nЦель 16: Содействие построению миролюбивого и открытого общества/);
    assert.equal(describeTarget('1.1', 'en')!.includes('$1.25 a day'), true);
  });

  it('describes a goal with its targets, and nothing that does not exist', () => {
    assert.equal(
      describeTarget('5', 'en'),
      '**SDG 5: Gender equality**\n\nAchieve gender equality and empower all women and girls\n\nTargets: 5.1–5.6, 5.a–5.c',
    );
    assert.match(describeTarget('5', 'ru')!, /^\*\*ЦУР 5: Гендерное равенство\*\*[\s\S]*Задачи: 5\.1–5\.6, 5\.a–5\.c$/);
    for (const id of ['5.9', '18', '18.1', 'x']) assert.equal(describeTarget(id, 'en'), undefined, id);
  });

  it('shortens a target\'s text at a word for a fix title', () => {
    const short = shortTargetText('5.2', 'en')!;
    assert.equal(short, 'Eliminate all forms of violence against all women and girls…');
    assert.ok(short.length <= 61);
    assert.equal(shortTargetText('13.2', 'en', 200), sdgTarget('13.2')!.en);
    assert.equal(shortTargetText('5.9', 'en'), undefined);
  });
});

describe('SDG completion', () => {
  const ids = (prefix: string) => completeTargets(prefix).map((item) => item.id);

  it('lists a goal\'s targets in order after "5."', () => {
    assert.deepEqual(ids('5.'), ['5.1', '5.2', '5.3', '5.4', '5.5', '5.6', '5.a', '5.b', '5.c']);
    assert.ok(completeTargets('5.').every((item) => item.kind === 'target'));
    assert.deepEqual(ids('SDG 5.'), ids('5.'));
    assert.deepEqual(ids('ЦУР 5.'), ids('5.'));
  });

  it('lists the goals that start with "1", then their targets goal by goal', () => {
    const items = completeTargets('1');
    assert.deepEqual(
      items.filter((item) => item.kind === 'goal').map((item) => item.id),
      ['1', '10', '11', '12', '13', '14', '15', '16', '17'],
    );
    assert.deepEqual(
      items.slice(0, 9).map((item) => item.kind),
      Array(9).fill('goal'),
    );
    const targets = items.slice(9).map((item) => item.id);
    assert.equal(targets.length, 7 + 10 + 10 + 11 + 5 + 10 + 12 + 12 + 19);
    assert.deepEqual(targets.slice(0, 9), ['1.1', '1.2', '1.3', '1.4', '1.5', '1.a', '1.b', '10.1', '10.2']);
    assert.deepEqual(
      targets.filter((id) => id.startsWith('16.')),
      ['16.1', '16.2', '16.3', '16.4', '16.5', '16.6', '16.7', '16.8', '16.9', '16.10', '16.a', '16.b'],
    );
    assert.deepEqual(targets.slice(-3), ['17.17', '17.18', '17.19']);
  });

  it('narrows to the targets whose id starts with what was typed', () => {
    assert.deepEqual(ids('16.1'), ['16.1', '16.10']);
    assert.deepEqual(ids('5.a'), ['5.a']);
    assert.deepEqual(ids('5.A'), ['5.a']);
    assert.deepEqual(ids('5'), ['5', '5.1', '5.2', '5.3', '5.4', '5.5', '5.6', '5.a', '5.b', '5.c']);
    assert.deepEqual(ids(''), sdgGoals().map((goal) => goal.id));
  });

  it('offers nothing for what does not exist', () => {
    for (const prefix of ['18', '5.9', '5.d', '0', 'abc']) assert.deepEqual(ids(prefix), [], prefix);
  });
});

describe('SDG search', () => {
  const top = (query: string, language: 'en' | 'ru', n = 5) => searchTargets(query, language, n).map((result) => result.id);

  it('finds violence against women: 5.2 first, 16.1 near the top', () => {
    const found = top('violence against women', 'en');
    assert.equal(found[0], '5.2');
    assert.ok(found.includes('16.1'), found.join(' '));
  });

  it('finds it in Russian too', () => {
    const found = top('насилие в отношении женщин', 'ru');
    assert.equal(found[0], '5.2');
    assert.ok(found.includes('16.1'), found.join(' '));
  });

  it('matches word beginnings and typos', () => {
    assert.ok(top('discrimin', 'en').includes('10.3'));
    assert.equal(top('corrupt', 'en')[0], '16.5');
    assert.equal(top('corruptoin bribery', 'en')[0], '16.5');
    assert.equal(top('вода санитария', 'ru')[0].split('.')[0], '6');
    assert.equal(top('коррупц', 'ru')[0], '16.5');
  });

  it('finds a Russian word that loses a vowel in some of its forms, in any of them', () => {
    // 16.2 says "пыток", 5.2 "девочек"; a writer types "пытки", "девочки".
    assert.equal(top('пытки', 'ru')[0], '16.2');
    assert.equal(top('пыток', 'ru')[0], '16.2');
    assert.equal(top('торговля девочками', 'ru')[0], '5.2');
  });

  it('puts a target named by its id first', () => {
    assert.equal(top('16.9', 'en')[0], '16.9');
    assert.equal(top('SDG 5.a', 'en')[0], '5.a');
  });

  it('keeps to the limit, scores best first, and finds nothing in stop-words or noise', () => {
    const results = searchTargets('education', 'en', 4);
    assert.equal(results.length, 4);
    assert.ok(results.every((result, i) => i === 0 || result.score <= results[i - 1].score));
    assert.ok(results.every((result) => result.id.startsWith('4.')));
    assert.deepEqual(searchTargets('the of and', 'en'), []);
    assert.deepEqual(searchTargets('xyzzy qwrtp', 'en'), []);
    assert.deepEqual(searchTargets('', 'ru'), []);
  });
});

describe('SDG targets for a recommendation', () => {
  const cases: [string, 'en' | 'ru', string][] = [
    ['Adopt a law criminalizing domestic violence', 'en', '5.2'],
    ['Adopt a comprehensive law criminalizing domestic violence and marital rape by 2026.', 'en', '5.2'],
    ['Take measures to ensure inclusive education for children with disabilities.', 'en', '4.5'],
    ['Ensure birth registration for all children, including children of refugees and stateless persons.', 'en', '16.9'],
    ['Prohibit child marriage and raise the minimum age of marriage to 18 years for both sexes.', 'en', '5.3'],
    ['Strengthen the fight against corruption, in particular in the judiciary.', 'en', '16.5'],
    ['Ensure access to safe drinking water in rural areas by 2028.', 'en', '6.1'],
    ['Eliminate the worst forms of child labour in cotton harvesting.', 'en', '8.7'],
    ['Guarantee equal pay for work of equal value for women and men.', 'en', '8.5'],
    ['Provide free legal aid to persons in pre-trial detention.', 'en', '16.3'],
    ['Guarantee freedom of expression and protect journalists from harassment.', 'en', '16.10'],
    ['Bring the Ombudsman into full conformity with the Paris Principles by 2026.', 'en', '16.a'],
    ['Investigate all allegations of torture and ill-treatment in places of detention.', 'en', '16.a'],
    ['Combat trafficking in persons and protect its victims.', 'en', '8.7'],
    ['Ensure access to affordable health care for all, including in rural areas.', 'en', '3.8'],
    ['Adopt a law prohibiting discrimination on grounds of sexual orientation and gender identity.', 'en', '10.3'],
    ['Ensure that asylum seekers and migrants have access to fair procedures.', 'en', '10.7'],
    ['Принять закон о криминализации домашнего насилия.', 'ru', '5.2'],
    ['Обеспечить инклюзивное образование для детей с инвалидностью.', 'ru', '4.5'],
    ['Обеспечить регистрацию рождения всех детей.', 'ru', '16.9'],
    ['Усилить борьбу с коррупцией.', 'ru', '16.5'],
    ['Обеспечить бесплатную юридическую помощь задержанным.', 'ru', '16.3'],
    ['Гарантировать свободу выражения мнений и защищать журналистов от преследований.', 'ru', '16.10'],
    ['Привести деятельность Омбудсмена в полное соответствие с Парижскими принципами к 2026 году.', 'ru', '16.a'],
    ['Расследовать все жалобы на пытки и жестокое обращение в местах лишения свободы.', 'ru', '16.a'],
    ['Бороться с торговлей людьми и защищать её жертв.', 'ru', '8.7'],
    ['Искоренить наихудшие формы детского труда при сборе хлопка.', 'ru', '8.7'],
    ['Обеспечить доступ к недорогому здравоохранению для всех, в том числе в сельской местности.', 'ru', '3.8'],
    ['Принять закон, запрещающий дискриминацию по признаку сексуальной ориентации и гендерной идентичности.', 'ru', '10.3'],
    ['Обеспечить беженцам и мигрантам доступ к справедливым процедурам.', 'ru', '10.7'],
  ];
  for (const [text, language, expected] of cases) {
    it(`"${text}" → SDG ${expected} among the first three`, () => {
      const found = bestTargetsFor(text, language);
      assert.ok(found.length <= 3);
      assert.ok(found.includes(expected), found.join(' '));
    });
  }

  it('puts the obvious target first', () => {
    assert.equal(bestTargetsFor('Adopt a law criminalizing domestic violence', 'en')[0], '5.2');
    assert.equal(bestTargetsFor('Принять закон о криминализации домашнего насилия', 'ru')[0], '5.2');
    assert.equal(bestTargetsFor('Strengthen the fight against corruption', 'en')[0], '16.5');
    // "CAT" is the Convention against Torture only in capitals.
    assert.ok(bestTargetsFor('Ratify CAT and report to its Committee by 2027', 'en').includes('16.a'));
    assert.ok(!bestTargetsFor('Ban the use of stray cat traps in cities by 2027', 'en').some((id) => id.startsWith('16.')));
  });

  // Trials offered 8.1 (growth of "at least 7 per cent") for the first and 17.6, 17.8 (a technology
  // "mechanism") for the second.
  it('reads bride kidnapping as a harmful practice, 5.3', () => {
    for (const [text, language] of [
      ['Criminalize bride kidnapping with penalties of at least 7 years of imprisonment.', 'en'],
      ['Ensure that every reported case of bride kidnapping is investigated and prosecuted by 2027.', 'en'],
      ['Криминализировать похищение невест с наказанием не менее 7 лет лишения свободы.', 'ru'],
      ['Обеспечить расследование каждого случая похищения невест к 2027 году.', 'ru'],
    ] as const) {
      const found = bestTargetsFor(text, language);
      assert.ok(found.includes('5.3'), `${text}: ${found.join(' ')}`);
      assert.ok(found.every((id) => /^(?:5|16)\./.test(id)), `${text}: ${found.join(' ')}`);
    }
  });

  it('reads a national preventive mechanism as torture prevention, 16.a or 16.3', () => {
    for (const [text, language] of [
      ['Publish the budget of the national preventive mechanism every year.', 'en'],
      ['Establish a national preventive mechanism in line with OPCAT by 2026.', 'en'],
      ['Ежегодно публиковать бюджет национального превентивного механизма.', 'ru'],
      ['Создать национальный превентивный механизм в соответствии с ФП-КПП к 2026 году.', 'ru'],
    ] as const) {
      const found = bestTargetsFor(text, language);
      assert.ok(found.includes('16.a') || found.includes('16.3'), `${text}: ${found.join(' ')}`);
      assert.ok(found.every((id) => /^(?:5|16)\./.test(id)), `${text}: ${found.join(' ')}`);
    }
  });

  it('agrees with the goals OHCHR gave Slovenia\'s recommendations of cycles 3 and 4', () => {
    const rows = parse(readFileSync(`${UPR}/slovenia_cycles2-4_thematic_lists.csv`), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    const tagged = rows.filter((row) => row.sdgs !== '');
    assert.equal(tagged.length, 456);
    let first = 0;
    let any = 0;
    for (const row of tagged) {
      const goals = new Set(row.sdgs.split('|'));
      // Without the recommending States at the end, "(Maldives) (Portugal);": a submission's recommendation has none.
      const text = row.text.replace(/\s*\([^()]*\)\s*[;.]?\s*$/, '');
      const suggested = bestTargetsFor(text, 'en').map((id) => sdgTarget(id)!.goal);
      if (goals.has(suggested[0])) first += 1;
      if (suggested.some((goal) => goals.has(goal))) any += 1;
    }
    // Measured: the first suggestion's goal is one of OHCHR's for 371 of 456 (81.4 %), one of the three
    // suggestions' goals for 421 (92.3 %); before the rewordings of UPR themes, 203 (44.5 %) and 290 (63.6 %).
    assert.ok(first >= 0.78 * tagged.length, `first ${first} of ${tagged.length}`);
    assert.ok(any >= 0.9 * tagged.length, `any of three ${any} of ${tagged.length}`);
  });

  it('ignores what every recommendation says', () => {
    assert.deepEqual(bestTargetsFor('Adopt the necessary measures by 2027.', 'en'), []);
    assert.deepEqual(bestTargetsFor('Принять необходимые меры к 2027 году.', 'ru'), []);
    assert.equal(bestTargetsFor('Adopt a law criminalizing domestic violence', 'en', 5).length, 5);
  });
});

describe('SDG references in a submission', () => {
  afterEach(() => useLocale('en'));

  function document(body: string, recommendations: string, language = 'en'): string {
    return `${frontMatter().replace('language: en', `language: ${language}`)}
## Executive summary

${body}

## Recommendations

${recommendations}
`;
  }
  const run = (text: string) => sdgReferencesRule(analyse(text));

  it('reports unknown goals and targets on the id, naming what exists', () => {
    const text = document(
      '1. Progress on SDG 5.2, SDG 5.9, SDG 18.1 and SDG 18, SDG 17.20 and SDG 16.',
      '- Adopt a law criminalizing domestic violence by 2026 (SDG 5.2).',
    );
    const findings = run(text);
    assert.deepEqual(
      findings.map((finding) => [finding.code, finding.severity, textAt(text, finding.range), finding.message]),
      [
        ['references/sdg-unknown', 'error', '5.9', 'SDG 5.9 does not exist: SDG 5 has targets 5.1–5.6 and 5.a–5.c.'],
        ['references/sdg-unknown', 'error', '18.1', 'SDG 18.1 does not exist: the goals are numbered 1 to 17.'],
        ['references/sdg-unknown', 'error', '18', 'SDG 18 does not exist: the goals are numbered 1 to 17.'],
        ['references/sdg-unknown', 'error', '17.20', 'SDG 17.20 does not exist: SDG 17 has targets 17.1–17.19.'],
      ],
    );
    assert.equal(findings[0].range.start.line, 20);
  });

  it('reports an unknown target in Russian', () => {
    useLocale('ru');
    const text = document('1. ЦУР 5.9 и ЦУР 18.', '- Принять закон о криминализации домашнего насилия (ЦУР 5.2).', 'ru');
    assert.deepEqual(
      run(text).map((finding) => [textAt(text, finding.range), finding.message]),
      [
        ['5.9', 'ЦУР 5.9 не существует: у ЦУР 5 есть задачи 5.1–5.6 и 5.a–5.c.'],
        ['18', 'ЦУР 18 не существует: цели пронумерованы от 1 до 17.'],
      ],
    );
  });

  it('hints at a recommendation that cites no SDG, on its first line, with the closest targets', () => {
    const text = document(
      '1. Text.',
      [
        '- Adopt a law criminalizing domestic violence',
        '  by 2026, with yearly data on convictions.',
        '- Ensure access to safe drinking water in rural areas by 2028 (SDG 6.1).',
        '- Amend the Civil Procedure Code by 2027 so that the State pays for sign language',
        '  interpretation in all proceedings (SDG 10.2).',
        '- Provide free legal aid to persons in pre-trial detention by 2027:',
        '  - in every region (SDG 16.3).',
        '- Publish the budget of the national preventive mechanism every year (SDG 18).',
      ].join('\n'),
    );
    const findings = run(text);
    // SDG 18 is an error; the item that cites it is not "missing" one.
    assert.deepEqual(
      findings.map((finding) => [finding.code, textAt(text, finding.range)]),
      [
        ['references/sdg-unknown', '18'],
        ['references/sdg-missing', 'Adopt a law criminalizing domestic violence'],
      ],
    );
    const [, missing] = findings;
    assert.equal(missing.severity, 'hint');
    assert.equal(missing.range.start.line, 24);
    assert.equal(missing.range.start.character, 2);
    assert.match(missing.message, /^The recommendation cites no SDG target\. The closest: SDG 5\.2 \(Eliminate all forms of violence against all women…\); SDG /);
  });

  it('marks a one-line recommendation without its bullet or trailing spaces', () => {
    const text = document('1. Text.', '* Eliminate the worst forms of child labour by 2027.   ');
    const [finding] = run(text);
    assert.equal(textAt(text, finding.range), 'Eliminate the worst forms of child labour by 2027.');
    assert.match(finding.message, /SDG 8\.7/);
  });

  it('proposes Russian targets in a Russian submission, none in a French one', () => {
    useLocale('ru');
    const ru = document('1. Текст.', '- Принять закон о криминализации домашнего насилия к 2026 году.', 'ru');
    const [russianHint] = run(ru);
    assert.match(russianHint.message, /^Рекомендация не ссылается ни на одну задачу ЦУР\. Ближайшие: ЦУР 5\.2 \(Ликвидировать все формы насилия в отношении/);
    // An English submission in a Russian editor: the targets as the submission cites them.
    const [englishHint] = run(document('1. Text.', '- Adopt a law criminalizing domestic violence by 2026.'));
    assert.match(englishHint.message, /^Рекомендация не ссылается ни на одну задачу ЦУР\. Ближайшие: SDG 5\.2 \(Eliminate all forms/);
    useLocale('en');
    const fr = document('1. Texte.', '- Adopter une loi érigeant en infraction la violence domestique d’ici 2026.', 'fr');
    const [frenchHint] = run(fr);
    assert.equal(frenchHint.message, 'The recommendation cites no SDG target: add the one it serves, as in "(SDG 16.3)".');
  });

  it('gives the targets to propose, for the quick fix', () => {
    const text = document('1. Text.', '- Adopt a law criminalizing domestic violence by 2026.\n- Ensure access to safe drinking water (SDG 6.1).');
    const analysis = analyse(text);
    const [first, second] = analysis.model.recommendations;
    const ids = sdgSuggestions(analysis.model, first, 'en');
    assert.equal(ids[0], '5.2');
    assert.ok(ids.length > 0 && ids.length <= 3);
    assert.deepEqual(ids, bestTargetsFor(first.text, 'en'));
    assert.deepEqual(sdgSuggestions(analysis.model, second, 'en'), []);
    assert.deepEqual(sdgSuggestions(analysis.model, first, 'fr'), []);
    // Without a language in the front matter, the letters decide.
    assert.equal(sdgSuggestions(analysis.model, first, undefined)[0], '5.2');
  });

  it('cites a target before the final full stop, past hidden markup', () => {
    const text = document(
      '1. Text.',
      '- Adopt a law criminalizing domestic violence by 2026.[^1]\n- Ensure access to safe drinking water\n\n[^1]: Source.',
    );
    const { model } = analyse(text);
    const [first, second] = model.recommendations;
    const fix = sdgCitation(model, first, '5.2', 'en')!;
    assert.equal(fix.title, 'Link to SDG 5.2: Eliminate all forms of violence against all women and girls…');
    assert.match(applyEdits(text, fix.edits), /^- Adopt a law criminalizing domestic violence by 2026 \(SDG 5\.2\)\.\[\^1\]$/m);
    const noStop = sdgCitation(model, second, '6.1', 'en')!;
    assert.match(applyEdits(text, noStop.edits), /^- Ensure access to safe drinking water \(SDG 6\.1\)$/m);
    assert.equal(sdgCitation(model, first, '5.9', 'en'), undefined);
    // A fixed item cites its target: only the other one is hinted at, then neither.
    const once = applyEdits(text, fix.edits);
    assert.deepEqual(
      run(once).map((finding) => [finding.code, finding.range.start.line]),
      [['references/sdg-missing', second.range.start.line]],
    );
    const onceModel = analyse(once).model;
    assert.deepEqual(run(applyEdits(once, sdgCitation(onceModel, onceModel.recommendations[1], '6.1', 'en')!.edits)), []);
  });

  it('cites with the label of the submission\'s language', () => {
    useLocale('ru');
    const text = document('1. Текст.', '- Принять закон о криминализации домашнего насилия к 2026 году.', 'ru');
    const { model } = analyse(text);
    const fix = sdgCitation(model, model.recommendations[0], '5.2', 'ru')!;
    assert.match(fix.title, /^Сослаться на ЦУР 5\.2: Ликвидировать все формы насилия/);
    assert.match(applyEdits(text, fix.edits), /^- Принять закон о криминализации домашнего насилия к 2026 году \(ЦУР 5\.2\)\.$/m);
  });
});
