import { createHistogram, type RecordableHistogram } from 'node:perf_hooks';

/** What the operator's `/healthz` reports of the commands committed since the last reset. */
export interface CommandTimingSummary {
  commands: number;
  /**
   * From deciding a command to its events sent to every room, in the server (the durable commit included). On
   * several nodes, to handing them to the broadcast order, which may hold them for another node's earlier seq.
   */
  commandMsP50: number;
  commandMsP95: number;
  /** Of that, waiting for the store to say the events are committed (on disk, for SQLite). */
  commitMsP50: number;
  commitMsP95: number;
}

/**
 * Where a committed command's time goes inside the server, kept as two histograms (constant memory, ~1 µs per
 * command). The benchmark reads them beside each scenario's delivery latency, so every run says how much of a
 * fan-out's time was the durable commit and how much was spent outside the server.
 */
export class CommandTimings {
  private command: RecordableHistogram = createHistogram();
  private commit: RecordableHistogram = createHistogram();

  record(commandMs: number, commitMs: number): void {
    // The histograms count integers: microseconds, at least 1.
    this.command.record(Math.max(1, Math.round(commandMs * 1000)));
    this.commit.record(Math.max(1, Math.round(commitMs * 1000)));
  }

  summary(): CommandTimingSummary {
    const ms = (h: RecordableHistogram, p: number) => (h.count ? h.percentile(p) / 1000 : 0);
    return {
      commands: this.command.count,
      commandMsP50: ms(this.command, 50),
      commandMsP95: ms(this.command, 95),
      commitMsP50: ms(this.commit, 50),
      commitMsP95: ms(this.commit, 95),
    };
  }

  reset(): void {
    this.command.reset();
    this.commit.reset();
  }
}
