// The numbering of a text's words for the word index (server/src/core/references/vocabulary.ts):
// an ASCII text is read character by character, any other is split; both must give the words of
// `words()` (indexedWords.ts), which queries are looked up by, each word always with one number.

import assert from 'node:assert/strict';
import { IntList } from '../../server/src/core/intList';
import { words, WORD_RULES } from '../../server/src/core/references/indexedWords';
import { sdgTargets } from '../../server/src/core/references/sdg';
import { Vocabulary } from '../../server/src/core/references/vocabulary';
import { seededRandom } from '../seededRandom';
import { centralAsiaRecords, sloveniaRecords } from './sharedData';

/** The words of a text as the vocabulary numbers them, each number turned back into its word. */
function numbered(vocabulary: Vocabulary, text: string): string[] {
  const numbers = new IntList();
  vocabulary.numberWords(text, numbers);
  return Array.from(numbers.values.subarray(0, numbers.length), (number) => vocabulary.word(number));
}

/** Random ASCII texts: words in mixed case, digits, stop words, single letters, punctuation and controls. */
function randomAsciiTexts(count: number): string[] {
  const next = seededRandom(11);
  const pieces = ['the', 'The', 'of', 'a', 'X', 'UPR', 'women', '2030', 'ratify', 'Ratify', 'CRPD', 'op-cat', "children's", 'x1', 'Ensure', 'and'];
  const separators = [' ', ', ', '.', '; ', '\n', '\t', '(', ')', '/', '-', '_', '"', '\u0000', '  '];
  return Array.from({ length: count }, () => {
    let text = '';
    const length = Math.floor(next() * 30);
    for (let at = 0; at < length; at++) {
      text += next() < 0.6 ? pieces[Math.floor(next() * pieces.length)] : String.fromCharCode(0x20 + Math.floor(next() * 0x5f));
      text += separators[Math.floor(next() * separators.length)];
    }
    return text;
  });
}

describe('Vocabulary', () => {
  const texts = [...centralAsiaRecords(), ...sloveniaRecords()].map((record) => record.text);
  const russian = sdgTargets().map((target) => target.ru);

  it('numbers the words of real texts, ASCII or not, as words() gives them', () => {
    const ascii = texts.filter((text) => /^[\x00-\x7f]*$/.test(text));
    assert.ok(ascii.length > 1000 && ascii.length < texts.length, 'the shared texts are not a mix of ASCII and others');
    const vocabulary = new Vocabulary(WORD_RULES);
    for (const text of [...texts, ...russian]) assert.deepEqual(numbered(vocabulary, text), words(text), text);
  });

  it('numbers random ASCII texts as words() splits them', () => {
    const vocabulary = new Vocabulary(WORD_RULES);
    for (const text of randomAsciiTexts(3000)) assert.deepEqual(numbered(vocabulary, text), words(text), JSON.stringify(text));
  });

  it('gives a word one number, in ASCII texts and others, in the order first met', () => {
    const vocabulary = new Vocabulary(WORD_RULES);
    const numbers = new IntList();
    vocabulary.numberWords('Prevent TORTURE in prisons', numbers);
    assert.deepEqual([...numbers.values.subarray(0, numbers.length)], [0, 1, 2]);
    // A word before the first character that is not ASCII, a word after it.
    vocabulary.numberWords('Prisons — prevent torture in Türkiye', numbers);
    assert.deepEqual([...numbers.values.subarray(0, numbers.length)], [2, 0, 1, 3]);
    assert.deepEqual([0, 1, 2, 3].map((number) => vocabulary.word(number)), ['prevent', 'torture', 'prisons', 'türkiye']);
    assert.equal(vocabulary.size, 4);
    assert.equal(vocabulary.numberOf('torture'), 1);
    assert.equal(vocabulary.numberOf('the'), -1, 'a stop word has no number');
    assert.equal(vocabulary.numberOf('education'), -1);
  });

  it('keeps every word of a vocabulary larger than its first table', () => {
    const vocabulary = new Vocabulary(WORD_RULES);
    const many = Array.from({ length: 5000 }, (_, at) => `word${at}`);
    for (const word of many) assert.equal(vocabulary.add(word), vocabulary.size - 1);
    assert.equal(vocabulary.add('word17'), -1, 'a word numbered already');
    assert.equal(vocabulary.add('within'), -1, 'a stop word');
    assert.deepEqual(numbered(vocabulary, many.join(' ')), many);
    assert.equal(vocabulary.size, 5000);
  });
});
