// "Prepare oral statement": the user picks sections and recommendations, the server writes the
// statement, and it opens as a new Markdown document with its speaking time; while a statement
// is the active document, the status bar shows its time as it is edited, warning past the limit.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  OralStatementCommand,
  SpeakingTimeCommand,
  SubmissionPartsCommand,
  type OralStatementParams,
  type OralStatementResult,
  type SpeakingPace,
  type SpeakingTimeResult,
  type SubmissionParts,
} from '../../../server/src/protocol';
import { SETTINGS_SECTION } from '../explicitSettings';
import { LANGUAGE_ID } from '../languageClient';

const UPDATE_DELAY_MS = 300;
const LABEL_LENGTH = 90;

type Choice = vscode.QuickPickItem & { kind?: vscode.QuickPickItemKind; section?: number; recommendation?: number };

/** The parts to speak on, given instead of picked (by a test or a keybinding): section titles and recommendation indices. */
export interface StatementPreset {
  sections?: string[];
  recommendations?: number[];
}

export async function prepareOralStatement(client: LanguageClient, status: SpeakingTimeStatus, preset?: StatementPreset): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (document?.languageId !== LANGUAGE_ID) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a UPR submission (*.upr.md) to prepare an oral statement from it.'));
    return;
  }
  const uri = document.uri.toString();
  const parts = await client.sendRequest<SubmissionParts | null>('workspace/executeCommand', { command: SubmissionPartsCommand, arguments: [uri] });
  if (!parts) return;
  const titles = new Map(parts.sections.map((section) => [section.index, section.title]));
  const items: Choice[] = [
    { label: vscode.l10n.t('Sections'), kind: vscode.QuickPickItemKind.Separator },
    ...parts.sections.filter((section) => !section.inRecommendations).map((section) => ({ label: section.title, section: section.index })),
    { label: vscode.l10n.t('Recommendations'), kind: vscode.QuickPickItemKind.Separator },
    ...parts.recommendations.map((recommendation) => ({
      label: shorten(recommendation.text),
      description: titles.get(recommendation.section),
      detail: recommendation.text.length > LABEL_LENGTH ? recommendation.text : undefined,
      recommendation: recommendation.index,
    })),
  ];
  const chosen = (item: Choice) =>
    (item.section !== undefined && preset?.sections?.includes(item.label)) ||
    (item.recommendation !== undefined && preset?.recommendations?.includes(item.recommendation));
  const picked = preset
    ? items.filter(chosen)
    : await vscode.window.showQuickPick(items, {
        title: vscode.l10n.t('Prepare oral statement: choose sections and recommendations'),
        canPickMany: true,
        matchOnDescription: true,
        matchOnDetail: true,
      });
  if (!picked?.length) return;
  const params: OralStatementParams = {
    ...speakingPace(),
    sections: picked.flatMap((item) => (item.section === undefined ? [] : [item.section])),
    recommendations: picked.flatMap((item) => (item.recommendation === undefined ? [] : [item.recommendation])),
  };
  const result = await client.sendRequest<OralStatementResult | null>('workspace/executeCommand', { command: OralStatementCommand, arguments: [uri, params] });
  if (!result) return;
  const statement = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.text });
  status.track(statement);
  await vscode.window.showTextDocument(statement);
  const { time } = result;
  if (time.overLimit) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'The statement takes {0} to speak, past the limit of {1}: shorten it by about {2} words.',
        duration(time.seconds),
        duration(time.limitSeconds),
        Math.ceil(time.words - (time.limitSeconds * params.wordsPerMinute) / 60),
      ),
    );
  } else {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Speaking time: {0} for {1} words at {2} words a minute (limit {3}).', duration(time.seconds), time.words, params.wordsPerMinute, duration(time.limitSeconds)),
    );
  }
}

/** The speaking time of the active statement in the status bar, updated as it is edited. */
export class SpeakingTimeStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('uprSubmission.speakingTime', vscode.StatusBarAlignment.Right, 99);
  private readonly statements = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private request = 0;

  constructor(private readonly client: LanguageClient) {
    this.item.name = vscode.l10n.t('Oral statement speaking time');
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === vscode.window.activeTextEditor?.document && this.statements.has(event.document.uri.toString())) this.schedule(UPDATE_DELAY_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.statements.delete(document.uri.toString())),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${SETTINGS_SECTION}.oralStatement`)) this.schedule(0);
      }),
    );
  }

  /** The text shown, for tests. */
  get text(): string | undefined {
    return this.item.text || undefined;
  }

  track(document: vscode.TextDocument): void {
    this.statements.add(document.uri.toString());
    this.schedule(0);
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  private async update(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !this.statements.has(document.uri.toString())) {
      this.item.hide();
      this.item.text = '';
      return;
    }
    const request = ++this.request;
    let time: SpeakingTimeResult | null;
    try {
      time = await this.client.sendRequest<SpeakingTimeResult | null>('workspace/executeCommand', {
        command: SpeakingTimeCommand,
        arguments: [{ text: document.getText(), ...speakingPace() }],
      });
    } catch {
      return; // the server is restarting; the next edit asks again
    }
    if (request !== this.request || !time) return;
    this.item.text = `$(clock) ${duration(time.seconds)} / ${duration(time.limitSeconds)}`;
    this.item.tooltip = vscode.l10n.t('Speaking time of this statement: {0} words', time.words);
    this.item.backgroundColor = time.overLimit ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.item.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

function speakingPace(): SpeakingPace {
  const settings = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  return {
    wordsPerMinute: settings.get<number>('oralStatement.wordsPerMinute', 130),
    minutes: settings.get<number>('oralStatement.minutes', 5),
  };
}

/** `4:05` for 245 seconds. */
function duration(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function shorten(text: string): string {
  return text.length <= LABEL_LENGTH ? text : `${text.slice(0, LABEL_LENGTH - 1).replace(/\s+\S*$/, '')}…`;
}
