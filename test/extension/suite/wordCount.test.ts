import * as assert from 'node:assert/strict';
import { SAMPLE, extensionApi, openInEditor, waitFor, workspaceFile } from './helpers';

const WORD_COUNT = /^[\d,]+ \/ 5,630 words$/;

describe('the word count in the status bar', () => {
  it('shows "N / 5,630 words" for the sample joint submission', async () => {
    await openInEditor(workspaceFile(SAMPLE));
    const api = await extensionApi();
    let last: string | undefined;
    const text = await waitFor(
      () => `statusBarText() to match ${WORD_COUNT} (last: ${JSON.stringify(last)})`,
      () => {
        last = api.statusBarText();
        return last !== undefined && WORD_COUNT.test(last) ? last : undefined;
      },
    );
    const count = Number(text.split(' ')[0].replace(/,/g, ''));
    assert.ok(count > 0, `a word count above zero: ${text}`);
  });
});
