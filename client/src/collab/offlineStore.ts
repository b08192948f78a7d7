// The Yjs state of each room on disk (in the extension's global storage), so that edits made
// offline survive a restart of VS Code and merge on reconnect. Writes are debounced and atomic
// (temporary file, then rename): a crash leaves the previous state or the new one, never half.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const SAVE_DELAY_MS = 500;

export class OfflineStore {
  private readonly pending = new Map<string, { timer: NodeJS.Timeout; state: () => Uint8Array }>();

  constructor(
    private readonly dir: string,
    private readonly onError: (message: string) => void,
  ) {}

  /**
   * One file per server, room and document: the state belongs to the document it was bound to (two
   * windows of one user, each with its own copy, share this storage). The room name is kept readable.
   */
  fileFor(serverUrl: string, room: string, document: string): string {
    const hash = createHash('sha256').update(`${serverUrl}\n${room}\n${document}`).digest('hex').slice(0, 16);
    return path.join(this.dir, `${room}-${hash}.yjs`);
  }

  /** The stored state, or undefined when there is none (or it cannot be read: reported). */
  load(file: string): Uint8Array | undefined {
    try {
      return new Uint8Array(fs.readFileSync(file));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') this.onError(`cannot read ${file}: ${(e as Error).message}`);
      return undefined;
    }
  }

  /** Saves `state()` after a short pause; later calls within the pause save once, the latest state. */
  scheduleSave(file: string, state: () => Uint8Array): void {
    const previous = this.pending.get(file);
    if (previous) clearTimeout(previous.timer);
    const timer = setTimeout(() => this.flush(file), SAVE_DELAY_MS);
    this.pending.set(file, { timer, state });
  }

  /** Writes a pending save now (all of them without `file`). */
  flush(file?: string): void {
    for (const [key, { timer, state }] of [...this.pending]) {
      if (file !== undefined && key !== file) continue;
      clearTimeout(timer);
      this.pending.delete(key);
      this.write(key, state());
    }
  }

  private write(file: string, data: Uint8Array): void {
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const fd = fs.openSync(temporary, 'w');
      try {
        fs.writeSync(fd, data);
        fs.fsyncSync(fd); // on disk before the rename makes it the state
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(temporary, file);
    } catch (e) {
      try {
        fs.rmSync(temporary, { force: true });
      } catch {
        // the folder itself is unusable: nothing was left in it
      }
      this.onError(`cannot save the offline state to ${file}: ${(e as Error).message}`);
    }
  }
}
