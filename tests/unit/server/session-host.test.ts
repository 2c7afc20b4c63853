import type { SessionEvent } from '../../../shared/protocol/events.js';
import { EMPTY_STATE, applyAll } from '../../../shared/domain/reducer.js';
import { participantJoined, sessionCreated } from '../../support/sample-events.js';
import { SessionHost, fromRecord } from '../../../server/sessions/session-host.js';
import { type AppendBatch, type EventRecord, SeqConflictError, type Store } from '../../../server/store/types.js';

/**
 * A log shared with "another node", in memory: the one piece under test is the host's catch-up logic, so the
 * store is a fake that checks seqs the way Postgres's primary key does and answers a tick later.
 */
class SharedLog {
  records: EventRecord[] = [];
  otherNodeWrites(event: SessionEvent): void {
    this.records.push({ seq: this.records.length + 1, at: 0, type: event.type, data: event });
  }
  store(): Store {
    const tick = () => new Promise((r) => setTimeout(r, 1));
    return {
      append: async (batch: AppendBatch) => {
        await tick();
        if (batch.events[0].seq !== this.records.length + 1) throw new SeqConflictError(`log is at ${this.records.length}`);
        this.records.push(...batch.events);
      },
      readEvents: async (_id: string, after: number) => {
        await tick();
        return this.records.filter((r) => r.seq > after);
      },
      findOp: async () => null,
      readSnapshot: async () => null,
      writeSnapshot: async () => undefined,
    } as unknown as Store;
  }
}

describe('SessionHost on a log shared with another node', () => {
  it('after a seq conflict, ends with exactly the log, even when a catch-up ran while the losing append was in flight', async () => {
    const log = new SharedLog();
    log.otherNodeWrites(sessionCreated);
    const host = new SessionHost('s1', { store: log.store(), now: () => 0, newId: () => 'x', onCommit: () => undefined });
    await host.isLoaded();

    // Another node commits two events this node has not seen yet.
    log.otherNodeWrites({ type: 'session.updated', description: 'from the other node' });
    log.otherNodeWrites({ type: 'session.updated', title: 'Renamed on the other node' });

    // This node decides on its stale state (seq 2: conflict), and a NOTIFY-triggered catch-up runs meanwhile.
    const acks = [
      host.executeWith({ role: 'system' }, () => ({ events: [{ type: 'session.updated', date: '2026-11-26' }] }), 'op-1'),
      host.executeWith({ role: 'system' }, () => ({ events: [{ type: 'session.updated', anonymous: true }] }), 'op-2'),
    ];
    const caughtUp = [host.sync(), host.syncTo(3)];
    expect((await Promise.all(acks)).map((a) => a.ok)).toEqual([true, true]);
    await Promise.all(caughtUp);

    const truth = applyAll(EMPTY_STATE, log.records.map(fromRecord));
    expect(log.records.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(await host.committedState()).toEqual(truth);
    expect(truth).toMatchObject({ description: 'from the other node', title: 'Renamed on the other node', date: '2026-11-26', anonymous: true });
  });
});

describe('SessionHost.committedRead', () => {
  async function hostWithOneJoin() {
    const log = new SharedLog();
    log.otherNodeWrites(sessionCreated);
    const host = new SessionHost('s1', { store: log.store(), now: () => 0, newId: () => 'x', onCommit: () => undefined, soleWriter: true });
    await host.isLoaded();
    await host.executeWith({ role: 'system' }, () => ({ events: [participantJoined('p0')] }), 'op-0');
    // The first write after load copies the loaded records once; from here on the host owns them.
    await host.executeWith({ role: 'system' }, () => ({ events: [participantJoined('p1')] }), 'op-1');
    return { host, log };
  }

  it('answers once the events it read are committed, and refuses nothing it read from an uncommitted state', async () => {
    const { host, log } = await hostWithOneJoin();
    const pending = host.executeWith({ role: 'system' }, () => ({ events: [participantJoined('p2')] }), 'op-2');
    const read = await host.committedRead((s) => ({ seq: s.seq, people: Object.keys(s.participants).length }));
    // It read the state with p2's join in flight, and answered only after that join reached the log.
    expect(read).toEqual({ seq: 4, people: 3 });
    expect(log.records.length).toBe(4);
    expect((await pending).ok).toBe(true);
  });

  it('hands no state out: the next join writes the participants in place (after committedState it copies them)', async () => {
    const { host } = await hostWithOneJoin();
    const before = host.peek().participants;
    await host.committedRead((s) => Object.keys(s.participants).length);
    await host.executeWith({ role: 'system' }, () => ({ events: [participantJoined('p2')] }), 'op-2');
    expect(host.peek().participants).toBe(before);

    const held = await host.committedState();
    await host.executeWith({ role: 'system' }, () => ({ events: [participantJoined('p3')] }), 'op-3');
    expect(host.peek().participants).not.toBe(before);
    // What committedState handed out stays as it was read.
    expect(Object.keys(held.participants)).toEqual(['p0', 'p1', 'p2']);
  });
});
