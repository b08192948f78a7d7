// Counters and gauges of the collaboration server, rendered in the Prometheus text format for
// GET /metrics. Gauges that describe current state (rooms, connections, pending writes) are read
// from their owners when the page is rendered.

const REFUSAL_REASONS = ['token', 'wrong_room', 'bad_room', 'too_many_rooms', 'shutting_down'] as const;
const CLOSE_REASONS = ['message_too_large', 'rate_limit', 'malformed', 'slow_consumer', 'storage_failed'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];
export type CloseReason = (typeof CLOSE_REASONS)[number];

export interface LiveFigures {
  rooms: number;
  connections: number;
  pendingWrites: number;
  /** Age in seconds of the oldest update received but not yet committed (0 when none). */
  persistenceLagSeconds: number;
}

export class Metrics {
  updates = 0;
  busUpdates = 0;
  bytesReceived = 0;
  bytesSent = 0;
  reviewerUpdatesDropped = 0;
  compactions = 0;
  roomLoads = 0;
  roomLoadSecondsSum = 0;
  lastRoomLoadSeconds = 0;
  // Every reason is listed from the start, so that a counter that is still 0 shows as 0.
  readonly refused = new Map<RefusalReason, number>(REFUSAL_REASONS.map((reason) => [reason, 0]));
  readonly closed = new Map<CloseReason, number>(CLOSE_REASONS.map((reason) => [reason, 0]));

  refuse(reason: RefusalReason): void {
    this.refused.set(reason, (this.refused.get(reason) ?? 0) + 1);
  }

  close(reason: CloseReason): void {
    this.closed.set(reason, (this.closed.get(reason) ?? 0) + 1);
  }

  recordLoad(seconds: number): void {
    this.roomLoads++;
    this.roomLoadSecondsSum += seconds;
    this.lastRoomLoadSeconds = seconds;
  }

  render(live: LiveFigures): string {
    const lines: string[] = [];
    const metric = (name: string, type: 'counter' | 'gauge' | 'summary', help: string, samples: [string, number][]) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
      for (const [labels, value] of samples) lines.push(`${name}${labels} ${value}`);
    };
    const labelled = (map: Map<string, number>) => [...map].map(([reason, count]): [string, number] => [`{reason="${reason}"}`, count]);
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage();
    metric('upr_collab_rooms', 'gauge', 'Rooms held in memory.', [['', live.rooms]]);
    metric('upr_collab_connections', 'gauge', 'Open client connections.', [['', live.connections]]);
    metric('upr_collab_updates_total', 'counter', 'Document updates received from clients, stored and applied.', [['', this.updates]]);
    metric('upr_collab_bus_updates_total', 'counter', 'Document updates received from other instances.', [['', this.busUpdates]]);
    metric('upr_collab_bytes_received_total', 'counter', 'Bytes of WebSocket messages received.', [['', this.bytesReceived]]);
    metric('upr_collab_bytes_sent_total', 'counter', 'Bytes of WebSocket messages sent.', [['', this.bytesSent]]);
    metric('upr_collab_pending_writes', 'gauge', 'Updates received but not yet committed to the store.', [['', live.pendingWrites]]);
    metric('upr_collab_persistence_lag_seconds', 'gauge', 'Age of the oldest update not yet committed.', [['', live.persistenceLagSeconds]]);
    metric('upr_collab_dropped_updates_total', 'counter', 'Document updates dropped because their sender may not edit.', [['{reason="reviewer"}', this.reviewerUpdatesDropped]]);
    metric('upr_collab_refused_connections_total', 'counter', 'Connections refused, by reason.', labelled(this.refused));
    metric('upr_collab_closed_connections_total', 'counter', 'Connections closed for breaking a limit or the protocol, by reason.', labelled(this.closed));
    metric('upr_collab_compactions_total', 'counter', 'Rooms whose stored updates were merged into one.', [['', this.compactions]]);
    metric('upr_collab_room_load_seconds', 'summary', 'Time spent loading rooms from the store (sum and count).', []);
    lines.push(`upr_collab_room_load_seconds_sum ${this.roomLoadSecondsSum}`, `upr_collab_room_load_seconds_count ${this.roomLoads}`);
    metric('upr_collab_last_room_load_seconds', 'gauge', 'Time the most recent room load took.', [['', this.lastRoomLoadSeconds]]);
    metric('process_resident_memory_bytes', 'gauge', 'Resident memory size in bytes.', [['', memory.rss]]);
    metric('process_heap_used_bytes', 'gauge', 'V8 heap in use, in bytes.', [['', memory.heapUsed]]);
    metric('process_cpu_seconds_total', 'counter', 'User and system CPU time spent, in seconds.', [['', (cpu.user + cpu.system) / 1e6]]);
    return `${lines.join('\n')}\n`;
  }
}
