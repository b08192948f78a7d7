// Presence in the awareness convention of y-codemirror and y-monaco, so that other y-websocket
// clients show us and we show them: `user: { name, color }` and `cursor: { anchor, head }`, the
// cursor as Y.RelativePosition JSON on the shared Y.Text. Pure: yjs yes, VS Code no.
import * as Y from 'yjs';

/** Distinct colours readable on light and dark themes (those of the y-codemirror demos). */
const PALETTE = ['#30bced', '#6eeb83', '#ffbc42', '#ee6352', '#9ac2c9', '#8acb88', '#d17a22', '#b07bd9'];
const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** The colour a writer shows with: the same for the same name in every window. */
export function colourForName(name: string): string {
  let hash = 0;
  for (const char of name) hash = (Math.imul(hash, 31) + char.codePointAt(0)!) >>> 0;
  return PALETTE[hash % PALETTE.length];
}

/** A cursor in shared coordinates (offsets into Y.Text). */
export interface SharedCursor {
  anchor: number;
  head: number;
}

export interface Peer {
  clientId: number;
  name: string;
  /** Always a hex colour: it ends up in CSS, so anything else a client announces is replaced. */
  colour: string;
  cursor?: SharedCursor;
}

/** The awareness `cursor` field for a selection in shared coordinates. */
export function cursorField(ytext: Y.Text, cursor: SharedCursor): { anchor: unknown; head: unknown } {
  return {
    anchor: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(ytext, cursor.anchor)),
    head: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(ytext, cursor.head)),
  };
}

/** Where a relative position (as JSON, from another client) points in `ytext` now; undefined when it is malformed or elsewhere. */
export function absoluteIndex(json: unknown, ytext: Y.Text): number | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  try {
    const position = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(json), ytext.doc!);
    return position?.type === ytext ? position.index : undefined;
  } catch {
    return undefined; // a malformed position from another client: nothing rather than an error
  }
}

/** The other clients present on `ytext`, from awareness states; malformed fields are ignored. */
export function peersOf(states: ReadonlyMap<number, Record<string, unknown>>, ytext: Y.Text, selfId: number): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, state] of states) {
    if (clientId === selfId || !state) continue;
    const user = (state.user ?? {}) as { name?: unknown; color?: unknown };
    const name = typeof user.name === 'string' && user.name.trim() ? user.name.trim().slice(0, 64) : `#${clientId}`;
    const colour = typeof user.color === 'string' && HEX_COLOUR.test(user.color) ? user.color : colourForName(name);
    const peer: Peer = { clientId, name, colour };
    const cursor = state.cursor as { anchor?: unknown; head?: unknown } | null | undefined;
    if (cursor) {
      const anchor = absoluteIndex(cursor.anchor, ytext);
      const head = absoluteIndex(cursor.head, ytext);
      if (anchor !== undefined && head !== undefined) peer.cursor = { anchor, head };
    }
    peers.push(peer);
  }
  return peers.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
}
