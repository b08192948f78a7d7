// y-websocket messages built and read by hand, for tests that speak the protocol over a raw socket.

import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;
export const SYNC_STEP_1 = 0;
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;

export function syncMessage(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** Sync step 1 of a client that has nothing yet. */
export const emptySyncStep1 = () => syncMessage(SYNC_STEP_1, Y.encodeStateVector(new Y.Doc()));

export interface ReadMessage {
  type: number;
  syncType?: number;
  payload?: Uint8Array;
}

export function readMessage(data: Uint8Array): ReadMessage {
  const decoder = decoding.createDecoder(data);
  const type = decoding.readVarUint(decoder);
  if (type === MESSAGE_SYNC) {
    const syncType = decoding.readVarUint(decoder);
    return { type, syncType, payload: decoding.readVarUint8Array(decoder) };
  }
  if (type === MESSAGE_AWARENESS) return { type, payload: decoding.readVarUint8Array(decoder) };
  return { type };
}

/** The text a document update (e.g. a sync step 2) holds, read into a fresh doc. */
export function textOfUpdate(update: Uint8Array, name = 'text'): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  const text = doc.getText(name).toString();
  doc.destroy();
  return text;
}
