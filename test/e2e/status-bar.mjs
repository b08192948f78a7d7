// The rendered workbench, as a person sees it: with the sample joint submission open, the status
// bar shows its word count against the joint limit and the editor colours the text. Runs in the browser context that
// test/extension/run-code-server.mjs drives, against its code-server.
import path from 'node:path';
import { remoteUri, workbenchUrl } from '../../scripts/code-server.mjs';

export const SAMPLE = 'kyrgyzstan-disability-joint-submission.upr.md';
const WORD_COUNT = /^[\d,]+ \/ 5,630 words$/;

/**
 * Opens the workspace with the extension under development and the sample in an editor, finds the
 * status bar item whose text is the word count, and saves a screenshot. Throws when it is not there.
 */
export async function checkStatusBar({ context, port, workspace, extensionPath, screenshotPath, timeoutMs = 90_000 }) {
  const page = await context.newPage();
  try {
    const sample = path.join(workspace, SAMPLE);
    const url = workbenchUrl(port, workspace, [
      ['extensionDevelopmentPath', remoteUri(port, extensionPath)],
      ['openFile', remoteUri(port, sample)],
    ]);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });

    const tab = page.locator('.tabs-container .tab').filter({ hasText: SAMPLE });
    if (!(await tab.first().isVisible().catch(() => false))) {
      try {
        await tab.first().waitFor({ timeout: 15_000 });
      } catch {
        // The payload did not open it: open it as a person would, through Quick Open.
        await page.locator('.monaco-workbench').click({ position: { x: 5, y: 5 } }).catch(() => undefined);
        await page.keyboard.press('Control+P');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ timeout: 15_000 });
        await input.fill(SAMPLE);
        await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: SAMPLE }).first().waitFor({ timeout: 15_000 });
        await page.keyboard.press('Enter');
        await tab.first().waitFor({ timeout: 15_000 });
      }
    }

    const item = page
      .locator('#workbench\\.parts\\.statusbar .statusbar-item')
      .filter({ hasText: /\d[\d,]* \/ 5,630 words/ });
    try {
      await item.first().waitFor({ timeout: timeoutMs });
    } catch (e) {
      const texts = await page.locator('#workbench\\.parts\\.statusbar .statusbar-item').allInnerTexts();
      await page.screenshot({ path: screenshotPath }).catch(() => undefined);
      throw new Error(`no status bar item shows the word count; the status bar reads ${JSON.stringify(texts.map((t) => t.trim()).filter(Boolean))}`, { cause: e });
    }
    const text = (await item.first().innerText()).trim();
    if (!WORD_COUNT.test(text)) throw new Error(`status bar word count ${JSON.stringify(text)} does not match ${WORD_COUNT}`);
    // The grammar colours the front matter through the embedded YAML grammar: the key `type`
    // gets a token colour of its own (mtk1 is the editor's plain text colour).
    const colouredKey = page.locator('.view-lines span[class^="mtk"]:not(.mtk1)', { hasText: /^type$/ });
    try {
      await colouredKey.first().waitFor({ timeout: 30_000 });
    } catch (e) {
      await page.screenshot({ path: screenshotPath }).catch(() => undefined);
      throw new Error('the editor did not colour the front matter of the sample', { cause: e });
    }
    await page.screenshot({ path: screenshotPath });
    return text;
  } finally {
    await page.close().catch(() => undefined);
  }
}
