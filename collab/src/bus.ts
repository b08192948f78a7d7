/** Shares rooms between server processes (implemented over Redis in fanout.ts). */
export type BusMessageKind = 'update' | 'awareness';
export interface RoomBus {
  /**
   * Starts receiving what other instances publish for a room; resolves once subscribed, so nothing published afterwards is missed.
   * onResync is called when the bus has reconnected after an outage, during which messages may have been missed both ways:
   * the room should apply its stored updates again (every instance stores before it publishes) and publish its whole state as an 'update'.
   */
  subscribe(room: string, onMessage: (kind: BusMessageKind, payload: Uint8Array) => void, onResync?: () => void): Promise<void>;
  unsubscribe(room: string): Promise<void>;
  /** Sends a document update (already stored by this instance) or an awareness update to the room's other instances; never echoed back to this instance. */
  publish(room: string, kind: BusMessageKind, payload: Uint8Array): void;
  close(): Promise<void>;
}
