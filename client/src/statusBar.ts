// Status bar item "1,234 / 5,630 words" for the active submission, updated as the writer types.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { WordCountRequest, WordCountResult } from '../../server/src/protocol';
import { LANGUAGE_ID } from './languageClient';

const UPDATE_DELAY_MS = 150;

export class WordCountStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('uprSubmission.wordCount', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private request = 0;

  constructor(private readonly client: LanguageClient) {
    this.item.name = vscode.l10n.t('UPR word count');
    this.item.command = 'outline.focus';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === vscode.window.activeTextEditor?.document) this.schedule(UPDATE_DELAY_MS);
      }),
    );
    this.schedule(0);
  }

  /** The text shown, for tests and for anyone asking through the extension's API. */
  get text(): string | undefined {
    return this.item.text || undefined;
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  private async update(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (document?.languageId !== LANGUAGE_ID) {
      this.item.hide();
      this.item.text = '';
      return;
    }
    const request = ++this.request;
    let result: WordCountResult | null;
    try {
      result = await this.client.sendRequest<WordCountResult | null>(WordCountRequest, { uri: document.uri.toString() });
    } catch {
      return; // the server is restarting; the next change asks again
    }
    if (request !== this.request || !result) return;
    this.show(result);
  }

  private show({ words, limit, warnAt, footnoteWords, sections }: WordCountResult): void {
    const format = (n: number) => n.toLocaleString(vscode.env.language === 'ru' ? 'ru' : 'en');
    this.item.text = vscode.l10n.t('{0} / {1} words', format(words), format(limit));
    this.item.backgroundColor =
      words > limit
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : words >= warnAt
          ? new vscode.ThemeColor('statusBarItem.warningBackground')
          : undefined;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${vscode.l10n.t('Words per section')}**\n\n`);
    tooltip.appendMarkdown(`| ${vscode.l10n.t('Section')} | ${vscode.l10n.t('Words')} |\n|---|---:|\n`);
    for (const section of sections) {
      const title = (section.title || vscode.l10n.t('(before the first heading)')).replace(/\|/g, '\\|');
      tooltip.appendMarkdown(`| ${title} | ${format(section.words)} |\n`);
    }
    tooltip.appendMarkdown(`\n${vscode.l10n.t('Footnotes: {0} words', format(footnoteWords))}`);
    this.item.tooltip = tooltip;
    this.item.show();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.item.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
