// A stand-in for a VS Code text document, for the binding's tests: it holds a string with one line
// ending, applies the binding's edits asynchronously (a few ticks later, refusing them when its text
// changed meanwhile, as workspace.applyEdit refuses an edit made for an older document version), and
// reports every change, its own applied edits included, as VS Code reports contentChanges: offsets
// into the text before the event, sorted by descending offset. Like VS Code it turns the line breaks
// of any inserted text, typed or applied, into its own EOL.

import type { EditorPort } from '../../client/src/collab/sharedText';
import { applyLocalEdits, Eol, LocalChange, LocalEdit } from '../../client/src/collab/textSync';

export class SimulatedEditor implements EditorPort {
  private text: string;
  private version = 0;
  private readonly listeners: ((changes: LocalChange[]) => void)[] = [];
  /** Edits the editor applied or refused for the binding. */
  applied = 0;
  refused = 0;
  /** applyEdits calls not answered yet. */
  outstanding = 0;
  /** Off: applies the binding's edits even when its text changed meanwhile (a careless editor, not VS Code). */
  checksVersion = true;

  /** `random` picks how many ticks each applyEdits takes (a seeded generator makes runs repeatable). */
  constructor(
    text: string,
    public eol: Eol,
    private readonly random: () => number = Math.random,
    private readonly maxApplyTicks = 3,
  ) {
    this.text = withEol(text, eol);
  }

  /** Like onDidChangeTextDocument: called synchronously with each event's contentChanges. */
  onDidChange(listener: (changes: LocalChange[]) => void): void {
    this.listeners.push(listener);
  }

  getText(): string {
    return this.text;
  }

  applyEdits(edits: readonly LocalEdit[]): Promise<boolean> {
    const version = this.version;
    const copy = edits.map((edit) => ({ ...edit }));
    let ticks = 1 + Math.floor(this.random() * this.maxApplyTicks);
    this.outstanding++;
    return new Promise((resolve) => {
      const tick = () => {
        if (--ticks > 0) return void setImmediate(tick);
        this.outstanding--;
        if (this.version !== version && this.checksVersion) {
          this.refused++;
          return resolve(false);
        }
        this.change(copy.map((edit) => ({ ...edit, text: withEol(edit.text, this.eol) })));
        this.applied++;
        resolve(true);
      };
      setImmediate(tick);
    });
  }

  /** The writer's edits, simultaneous, offsets into the current text. */
  type(edits: readonly LocalEdit[]): void {
    this.change(edits.map((edit) => ({ ...edit, text: withEol(edit.text, this.eol) })));
  }

  /** Switches the line ending as the status bar does, rewriting every line break, with one change event for the whole text or none. */
  switchEol(eol: Eol, reportChange: boolean): void {
    const text = withEol(this.text, eol);
    this.eol = eol;
    if (reportChange) this.change([{ offset: 0, length: this.text.length, text }]);
    else this.replaceSilently(text);
  }

  /** Changes the text without telling anyone, as if an event had been lost. */
  replaceSilently(text: string): void {
    this.text = text;
    this.version++;
  }

  private change(edits: readonly LocalEdit[]): void {
    this.text = applyLocalEdits(this.text, edits);
    this.version++;
    const changes = [...edits]
      .sort((a, b) => b.offset - a.offset)
      .map((edit) => ({ rangeOffset: edit.offset, rangeLength: edit.length, text: edit.text }));
    for (const listener of this.listeners) listener(changes);
  }
}

function withEol(text: string, eol: Eol): string {
  return text.replace(/\r\n|\r|\n/g, eol);
}
