import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  applyDelta,
  applyLocalChanges,
  applyLocalEdits,
  composeDeltas,
  deltaOfSharedEdits,
  deltaToLocalEdits,
  detectEol,
  diffDelta,
  Eol,
  LocalChange,
  localChangesToShared,
  localToSharedOffset,
  sharedEditsOfDelta,
  sharedToLocalOffset,
  TextDelta,
  toLocal,
  toShared,
  transformDelta,
} from '../../client/src/collab/textSync';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The shared text a change event leads to, through the edits the binding would send. */
function sharedAfter(localText: string, changes: LocalChange[]): string {
  const { edits } = localChangesToShared(localText, changes);
  return applyDelta(toShared(localText), deltaOfSharedEdits(edits));
}

describe('textSync: line endings', () => {
  it('detects the dominant line ending, LF when there is none', () => {
    assert.equal(detectEol('a\r\nb\r\nc\nd'), '\r\n');
    assert.equal(detectEol('a\nb\r\nc\nd'), '\n');
    assert.equal(detectEol('no line break'), '\n');
    assert.equal(detectEol('lone\rcarriage\rreturns'), '\n');
  });

  it('turns CRLF into LF and back, keeping a lone CR', () => {
    assert.equal(toShared('a\r\nb\rc\n'), 'a\nb\rc\n');
    assert.equal(toLocal('a\nb\rc\n', '\r\n'), 'a\r\nb\rc\r\n');
    assert.equal(toLocal('a\nb', '\n'), 'a\nb');
    assert.equal(toShared(toLocal('Права\n😀\n', '\r\n')), 'Права\n😀\n');
  });
});

describe('textSync: offsets', () => {
  const local = 'Пр\r\n😀x\ry\r\nz';
  const shared = toShared(local); // 'Пр\n😀x\ry\nz'

  it('maps local offsets to shared ones, counting each CRLF as one character', () => {
    assert.deepEqual(
      [0, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12].map((offset) => localToSharedOffset(local, offset)),
      [0, 2, 2, 3, 4, 6, 7, 8, 8, 9, 10],
    );
  });

  it('maps shared offsets to local ones, a lone CR and a surrogate pair counting as themselves', () => {
    assert.deepEqual(
      [0, 2, 3, 5, 6, 7, 8, 9, 10].map((offset) => sharedToLocalOffset(shared, offset, '\r\n')),
      [0, 2, 4, 6, 7, 8, 9, 11, 12],
    );
    assert.equal(sharedToLocalOffset(shared, 9, '\n'), 9);
  });

  it('round-trips every offset that is not inside a CRLF', () => {
    for (let offset = 0; offset <= local.length; offset++) {
      if (local[offset - 1] === '\r' && local[offset] === '\n') continue;
      assert.equal(sharedToLocalOffset(shared, localToSharedOffset(local, offset), '\r\n'), offset, `offset ${offset}`);
    }
  });
});

describe('textSync: change events to shared edits', () => {
  it('translates a typed Cyrillic word after a CRLF', () => {
    const local = 'Title\r\n\r\nBody';
    const { localText, edits } = localChangesToShared(local, [{ rangeOffset: 9, rangeLength: 0, text: 'Права ' }]);
    assert.equal(localText, 'Title\r\n\r\nПрава Body');
    assert.deepEqual(edits, [{ index: 7, deleteLength: 0, insert: 'Права ' }]);
  });

  it('deletes a whole CRLF as one shared line break', () => {
    const { edits } = localChangesToShared('a\r\nb', [{ rangeOffset: 1, rangeLength: 2, text: '' }]);
    assert.deepEqual(edits, [{ index: 1, deleteLength: 1, insert: '' }]);
  });

  it('applies a multi-range event as VS Code reports it: descending offsets into the text before the event', () => {
    const local = 'one\r\ntwo\r\nthree';
    // Three cursors typing "+" at the start of each line.
    const changes = [
      { rangeOffset: 10, rangeLength: 0, text: '+' },
      { rangeOffset: 5, rangeLength: 0, text: '+' },
      { rangeOffset: 0, rangeLength: 0, text: '+' },
    ];
    const { localText, edits } = localChangesToShared(local, changes);
    assert.equal(localText, '+one\r\n+two\r\n+three');
    assert.deepEqual(edits, [
      { index: 0, deleteLength: 0, insert: '+' },
      { index: 4, deleteLength: 0, insert: '+' },
      { index: 8, deleteLength: 0, insert: '+' },
    ]);
    assert.equal(applyLocalChanges(local, [...changes].reverse()), localText, 'the order of the changes does not matter');
  });

  it('joins a lone CR and a typed LF into one line break (shared text never holds a CRLF)', () => {
    assert.equal(sharedAfter('a\rb', [{ rangeOffset: 2, rangeLength: 0, text: '\nx' }]), 'a\nxb');
    // Deleting what stood between CR and LF joins them too.
    assert.equal(sharedAfter('a\rX\nb', [{ rangeOffset: 2, rangeLength: 1, text: '' }]), 'a\nb');
  });

  it('never sends half an emoji: a change inside one replaces the whole pair, its broken halves as U+FFFD', () => {
    const result = localChangesToShared('a😀b', [{ rangeOffset: 2, rangeLength: 0, text: 'я' }]);
    assert.deepEqual(result.edits, [{ index: 1, deleteLength: 2, insert: '\uFFFDя\uFFFD' }]);
    assert.equal(result.replacedLoneSurrogates, true);
  });

  it('trims a replacement to what differs, keeping emoji whole', () => {
    const { edits } = localChangesToShared('x😀y', [{ rangeOffset: 0, rangeLength: 4, text: 'x😁y' }]);
    // 😀 is D83D DE00, 😁 is D83D DE01: the edit covers the whole pair, not just its low half.
    assert.deepEqual(edits, [{ index: 1, deleteLength: 2, insert: '😁' }]);
  });

  it('replaces an inserted lone surrogate and says so', () => {
    const result = localChangesToShared('ab', [{ rangeOffset: 1, rangeLength: 0, text: '\uD83D' }]);
    assert.equal(result.replacedLoneSurrogates, true);
    assert.deepEqual(result.edits, [{ index: 1, deleteLength: 0, insert: '\uFFFD' }]);
  });

  it('refuses changes outside the text or overlapping each other', () => {
    assert.throws(() => localChangesToShared('abc', [{ rangeOffset: 2, rangeLength: 5, text: '' }]), RangeError);
    assert.throws(
      () =>
        localChangesToShared('abcdef', [
          { rangeOffset: 3, rangeLength: 2, text: '' },
          { rangeOffset: 1, rangeLength: 3, text: '' },
        ]),
      RangeError,
    );
  });

  const pieces = ['a', 'Б', 'ж', '😀', '👍🏽', '\r\n', '\n', '\r', ' '];
  const textArbitrary = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((parts) => parts.join(''));

  it('always yields the shared form of the new text, without cutting a pair (random texts and events)', () => {
    fc.assert(
      fc.property(
        textArbitrary,
        fc.array(fc.tuple(fc.nat(), fc.nat(4), fc.array(fc.constantFrom(...pieces), { maxLength: 4 })), { maxLength: 4 }),
        (local, raw) => {
          // Non-overlapping changes at code-unit offsets (possibly inside a pair or a CRLF).
          const changes: LocalChange[] = [];
          let end = local.length;
          for (const [at, length, parts] of [...raw].sort((a, b) => b[0] - a[0])) {
            const offset = Math.min(at % (local.length + 1), end);
            const rangeLength = Math.min(length, end - offset);
            changes.push({ rangeOffset: offset, rangeLength, text: parts.join('') });
            end = offset;
          }
          const after = applyLocalChanges(local, changes);
          const { edits, replacedLoneSurrogates } = localChangesToShared(local, changes);
          const shared = applyDelta(toShared(local), deltaOfSharedEdits(edits));
          if (replacedLoneSurrogates) {
            assert.doesNotMatch(shared, LONE_SURROGATE);
          } else {
            assert.equal(shared, toShared(after));
          }
          const sharedBefore = toShared(local);
          for (const edit of edits) {
            for (const cut of [edit.index, edit.index + edit.deleteLength]) {
              assert.ok(!(/[\uD800-\uDBFF]/.test(sharedBefore[cut - 1] ?? '') && /[\uDC00-\uDFFF]/.test(sharedBefore[cut] ?? '')), `edit cuts a pair at ${cut}`);
            }
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('textSync: shared deltas to editor edits', () => {
  it('applies a shared delta to a CRLF editor, inserting CRLF line breaks', () => {
    const local = 'Пр\r\nвет\r\n😀';
    const delta: TextDelta = [{ retain: 3 }, { delete: 3 }, { insert: 'ивет\nмир' }, { retain: 1 }, { insert: '!' }];
    const edits = deltaToLocalEdits(local, delta, '\r\n');
    assert.equal(applyLocalEdits(local, edits), 'Пр\r\nивет\r\nмир\r\n!😀');
    assert.equal(toShared(applyLocalEdits(local, edits)), applyDelta(toShared(local), delta));
  });

  it('deletes a CRLF whole when the shared delta deletes its LF', () => {
    const edits = deltaToLocalEdits('a\r\nb', [{ retain: 1 }, { delete: 1 }], '\r\n');
    assert.deepEqual(edits, [{ offset: 1, length: 2, text: '' }]);
  });

  it('makes the smallest delta between two texts without cutting a pair', () => {
    assert.deepEqual(diffDelta('a😀b', 'a😁b'), [{ retain: 1 }, { insert: '😁' }, { delete: 2 }]);
    assert.deepEqual(diffDelta('same', 'same'), []);
  });

  it('composes and transforms deltas consistently (random deltas)', () => {
    const deltaOn = (text: string) =>
      fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom('', 'x', 'ю', '😀', '\n')), { maxLength: 4 }).map((raw) => {
        const edits = [];
        let end = text.length;
        for (const [at, length, insert] of [...raw].sort((a, b) => b[0] - a[0])) {
          const index = Math.min(at % (text.length + 1), end);
          edits.unshift({ index, deleteLength: Math.min(length, end - index), insert });
          end = index;
        }
        return deltaOfSharedEdits(edits);
      });
    const scenario = fc
      .array(fc.constantFrom('a', 'b', 'я', '\n'), { maxLength: 12 })
      .map((parts) => parts.join(''))
      .chain((text) => fc.tuple(fc.constant(text), deltaOn(text), deltaOn(text)));
    fc.assert(
      fc.property(scenario, ([text, a, b]) => {
        const viaA = applyDelta(applyDelta(text, a), transformDelta(a, b, true));
        const viaB = applyDelta(applyDelta(text, b), transformDelta(b, a, false));
        assert.equal(viaA, viaB);
        assert.equal(applyDelta(text, composeDeltas(a, transformDelta(a, b, true))), viaA);
        const edits = sharedEditsOfDelta(a);
        assert.deepEqual(deltaOfSharedEdits(edits), a, 'a delta and its edits say the same');
        const afterA = applyDelta(text, a);
        assert.equal(applyDelta(text, composeDeltas(a, diffDelta(afterA, viaA))), viaA);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips random shared deltas through editors of either line ending', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'Ж', '😀', '\n'), { maxLength: 15 }).map((parts) => parts.join('')),
        fc.constantFrom<Eol>('\n', '\r\n'),
        fc.nat(),
        fc.nat(4),
        fc.constantFrom('', 'b', '\n', 'щ😀\n'),
        (shared, eol, at, length, insert) => {
          const units = [...shared]; // code points, so edits fall between pairs
          const index = at % (units.length + 1);
          const start = units.slice(0, index).join('').length;
          const removed = units.slice(index, index + length).join('').length;
          const delta = deltaOfSharedEdits([{ index: start, deleteLength: removed, insert }]);
          const local = toLocal(shared, eol);
          const after = applyLocalEdits(local, deltaToLocalEdits(local, delta, eol));
          assert.equal(toShared(after), applyDelta(shared, delta));
          assert.equal(after, toLocal(applyDelta(shared, delta), eol));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
