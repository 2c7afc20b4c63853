import { sliceFor, viewFor } from '../../../shared/domain/projection.js';
import { ViewTracker } from '../../../shared/sync/view-tracker.js';
import { DomainHarness, FAC } from './harness.js';

describe('ViewTracker', () => {
  it('keeps live events that arrived before an older snapshot (the attach answer raced the broadcast)', () => {
    const h = new DomainHarness();
    for (const id of ['a', 'b', 'c']) h.join(id);
    h.run(FAC, { type: 'groups.form', mode: 'random', sizing: { by: 'count', count: 1 } });
    const tracker = new ViewTracker(
      () => 'participant',
      () => 'a',
    );
    tracker.catchUp({ kind: 'snapshot', view: viewFor(h.state, { role: 'participant', participantId: 'a' }) });
    const snapshotOfAttach = viewFor(h.state, { role: 'participant', participantId: 'a' });

    h.run(FAC, { type: 'round.start', durationSeconds: 600 });
    expect(tracker.receive(h.log[h.log.length - 1])).toBe(false);
    expect(tracker.view?.phase).toBe('breakout');

    // The attach answer (a snapshot from before round.start) arrives after the live event.
    expect(tracker.catchUp({ kind: 'snapshot', view: snapshotOfAttach })).toBe(false);
    expect(tracker.view?.phase).toBe('breakout');
    expect(tracker.view?.seq).toBe(h.state.seq);
  });

  it('ignores events a snapshot already covers', () => {
    const h = new DomainHarness();
    h.join('a');
    h.run(FAC, { type: 'groups.form', mode: 'random', sizing: { by: 'count', count: 1 } });
    h.run(FAC, { type: 'round.start', durationSeconds: 600 });
    const tracker = new ViewTracker(
      () => 'participant',
      () => 'a',
    );
    tracker.catchUp({ kind: 'snapshot', view: viewFor(h.state, { role: 'participant', participantId: 'a' }) });
    const before = tracker.view;
    expect(tracker.receive(h.log[h.log.length - 1])).toBe(false);
    expect(tracker.view).toBe(before);
  });

  describe('regrouping without attaching again', () => {
    /** Six people in three groups of two, each group with an answer; `a` follows it all as a participant. */
    function room() {
      const h = new DomainHarness();
      for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) h.join(id);
      h.run(FAC, { type: 'groups.form', mode: 'random', sizing: { by: 'count', count: 3 } });
      h.run(FAC, { type: 'round.start', durationSeconds: 600 });
      for (const id of ['a', 'c', 'e']) {
        const g = h.state.participants[id].groupId!;
        const writer = h.state.groups[g].memberIds[0];
        h.run({ role: 'participant', participantId: writer }, { type: 'answer.add', promptId: 'p1', text: `from ${writer}` });
      }
      h.run(FAC, { type: 'round.end' });
      const trackers = Object.fromEntries(
        ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => {
          const t = new ViewTracker(
            () => 'participant',
            () => id,
          );
          t.catchUp({ kind: 'snapshot', view: viewFor(h.state, { role: 'participant', participantId: id }) });
          return [id, t];
        }),
      );
      /** Delivers the last event to everyone and the slices the server would send to `to`. */
      const deliver = (to: string[]) => {
        const last = h.log[h.log.length - 1];
        for (const t of Object.values(trackers)) expect(t.receive(last)).toBe(false);
        for (const id of to) expect(trackers[id].regroup(sliceFor(h.state, id, last.seq))).toBe(false);
      };
      const expectAll = () => {
        for (const [id, t] of Object.entries(trackers)) expect(t.view).toEqual(viewFor(h.state, { role: 'participant', participantId: id }));
      };
      return { h, trackers, deliver, expectAll };
    }

    it('a move: the mover and its new group take the slice, its old group drops it, everyone ends with the attach view', () => {
      const { h, deliver, expectAll } = room();
      const from = h.state.participants.a.groupId!;
      const to = h.state.groupOrder.find((g) => g !== from)!;
      h.run(FAC, { type: 'participant.move', participantId: 'a', groupId: to });
      deliver(['a', ...h.state.groups[to].memberIds.filter((id) => id !== 'a')]);
      expectAll();
    });

    it('a new split and a merge: every participant takes its own slice and ends with the attach view', () => {
      const { h, deliver, expectAll } = room();
      h.run(FAC, { type: 'groups.merge', groupIds: [h.state.groupOrder.slice(0, 2)] });
      deliver(h.state.groupOrder.flatMap((g) => h.state.groups[g].memberIds));
      expectAll();
      h.run(FAC, { type: 'groups.form', mode: 'new-faces', sizing: { by: 'count', count: 2 } });
      deliver(Object.keys(h.state.participants));
      expectAll();
    });

    it('asks for a fresh view when the regrouping event itself never arrived, and ignores a slice a snapshot covers', () => {
      const { h, trackers } = room();
      h.run(FAC, { type: 'participant.move', participantId: 'a', groupId: h.state.groupOrder.find((g) => g !== h.state.participants.a.groupId)! });
      const slice = sliceFor(h.state, 'a', h.state.seq);
      expect(trackers.a.regroup(slice)).toBe(true);
      trackers.a.catchUp({ kind: 'snapshot', view: viewFor(h.state, { role: 'participant', participantId: 'a' }) });
      expect(trackers.a.regroup(slice)).toBe(false);
      expect(trackers.a.view).toEqual(viewFor(h.state, { role: 'participant', participantId: 'a' }));
    });

    it('replays a slice with its event on a snapshot older than both (an attach answer that raced the regrouping)', () => {
      const { h, trackers } = room();
      const older = viewFor(h.state, { role: 'participant', participantId: 'a' });
      h.run(FAC, { type: 'groups.form', mode: 'random', sizing: { by: 'count', count: 2 } });
      expect(trackers.a.receive(h.log[h.log.length - 1])).toBe(false);
      expect(trackers.a.regroup(sliceFor(h.state, 'a', h.state.seq))).toBe(false);
      trackers.a.catchUp({ kind: 'snapshot', view: older });
      expect(trackers.a.view).toEqual(viewFor(h.state, { role: 'participant', participantId: 'a' }));
    });
  });
});
