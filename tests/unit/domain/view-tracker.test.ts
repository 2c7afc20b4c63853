import { viewFor } from '../../../shared/domain/projection.js';
import { ViewTracker } from '../../../shared/sync/view-tracker.js';
import { DomainHarness, FAC } from './harness.js';

describe('ViewTracker', () => {
  it('keeps live events that arrived before an older snapshot (the attach answer raced the broadcast)', () => {
    const h = new DomainHarness();
    for (const id of ['a', 'b', 'c']) h.join(id);
    h.run(FAC, { type: 'groups.form', mode: 'random', sizing: { by: 'count', count: 1 } });
    const tracker = new ViewTracker(() => 'participant', () => 'a');
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
    const tracker = new ViewTracker(() => 'participant', () => 'a');
    tracker.catchUp({ kind: 'snapshot', view: viewFor(h.state, { role: 'participant', participantId: 'a' }) });
    const before = tracker.view;
    expect(tracker.receive(h.log[h.log.length - 1])).toBe(false);
    expect(tracker.view).toBe(before);
  });
});
