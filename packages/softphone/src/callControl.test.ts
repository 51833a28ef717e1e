// Conference bookkeeping of createCallControl. The handles are hand-rolled: the real ones need a
// sip.js session, and their media a browser (Web Audio); here only which media each leg mixes
// and the conference events matter, which the handles' snapshots and `mix` record.
import { describe, expect, it } from 'vitest';
import type { CallSnapshot } from './call';
import { createCallControl } from './callControl';
import type { CallMedia } from './media/callMedia';
import type { CallHandle } from './sip/sipCall';
import type { SoftphoneEvents } from './softphoneTypes';

interface FakeLeg {
  readonly handle: CallHandle;
  readonly mixes: string[][];
  end(): void;
}

function fakeLeg(id: string, names: Map<CallMedia, string>): FakeLeg {
  let snapshot = {
    id,
    status: 'connected',
    held: false,
    conferenceId: null,
  } as unknown as CallSnapshot;
  const mixes: string[][] = [];
  const media = {
    mix: (others: readonly CallMedia[]) => {
      mixes.push(others.map((other) => names.get(other) ?? '?'));
      return Promise.resolve();
    },
  } as unknown as CallMedia;
  names.set(media, id);
  const handle = {
    call: { id, getSnapshot: () => snapshot, resume: () => Promise.resolve() },
    media,
    setConference(conferenceId: string | null) {
      // Like the real call: an ended call's snapshot no longer changes.
      if (snapshot.status !== 'ended') snapshot = { ...snapshot, conferenceId };
    },
  } as unknown as CallHandle;
  return {
    handle,
    mixes,
    end() {
      snapshot = { ...snapshot, status: 'ended' };
    },
  };
}

describe('conference mix when a member ends', () => {
  it('takes the ended call out of the other legs’ mixes; a conference of one is over', async () => {
    const names = new Map<CallMedia, string>();
    const [a, b, c] = ['a', 'b', 'c'].map((id) => fakeLeg(id, names)) as [
      FakeLeg,
      FakeLeg,
      FakeLeg,
    ];
    const handles = new Map([a, b, c].map((leg) => [leg.handle.call.id, leg.handle]));
    const changes: SoftphoneEvents['conference.changed'][] = [];
    const control = createCallControl({
      handles,
      emit: (event, payload) => {
        if (event === 'conference.changed') changes.push(payload as never);
      },
      newId: () => 'conference-1',
      report: (error) => {
        throw error;
      },
    });
    await control.conference([a.handle.call, b.handle.call, c.handle.call]);
    expect([a.mixes.at(-1), b.mixes.at(-1), c.mixes.at(-1)]).toEqual([
      ['b', 'c'],
      ['a', 'c'],
      ['a', 'b'],
    ]);

    c.end();
    control.ended(c.handle);
    expect(a.mixes.at(-1)).toEqual(['b']); // c's silent source is gone from the mix
    expect(b.mixes.at(-1)).toEqual(['a']);
    expect(c.mixes).toHaveLength(1); // an ended call's media is not touched again
    expect(changes.at(-1)).toMatchObject({ conferenceId: 'conference-1' });
    expect(changes.at(-1)?.calls.map((call) => call.id)).toEqual(['a', 'b']);

    b.end();
    control.ended(b.handle);
    expect(a.mixes.at(-1)).toEqual([]); // the microphone alone again
    expect(a.handle.call.getSnapshot().conferenceId).toBeNull();
    expect(changes.at(-1)).toEqual({ conferenceId: 'conference-1', calls: [] });
  });

  it('a call out of any conference ending changes nothing', () => {
    const names = new Map<CallMedia, string>();
    const a = fakeLeg('a', names);
    const changes: unknown[] = [];
    const control = createCallControl({
      handles: new Map([['a', a.handle]]),
      emit: (...event) => changes.push(event),
      newId: () => 'unused',
      report: () => undefined,
    });
    a.end();
    control.ended(a.handle);
    expect(changes).toEqual([]);
    expect(a.mixes).toEqual([]);
  });
});
