import { createConversationPacer, TEAMS_CONVERSATION_WINDOWS, type ConversationPacer, type RateWindow } from '../../../bot/teams/delivery/rateLimiter';
import { busiest } from '../../support/teamsLimits';

/** As the connector's pipeline uses it: in the conversation's order, a slot for the first try and one for each retry. */
function schedule<T>(pacer: ConversationPacer, conversationId: string, task: (takeSlot: () => Promise<void>) => Promise<T>): Promise<T> {
  return pacer.inOrder(conversationId, async () => {
    await pacer.takeSlot(conversationId);
    return task(() => pacer.takeSlot(conversationId));
  });
}

/** A clock that only moves when the pacer sleeps. */
function fakeClock() {
  const clock = { now: 0, sleeps: [] as number[] };
  const sleep = async (ms: number) => {
    clock.sleeps.push(ms);
    clock.now += ms;
  };
  return { clock, now: () => clock.now, sleep };
}

async function startTimesOf(count: number, windows?: readonly RateWindow[]): Promise<number[]> {
  const { now, sleep } = fakeClock();
  const pacer = createConversationPacer({ windows, marginMs: 0, now, sleep });
  const starts: number[] = [];
  await Promise.all(Array.from({ length: count }, () => schedule(pacer, '19:chat', async () => void starts.push(now()))));
  return starts;
}

test("40 sends never exceed any of Teams' windows, and go as fast as they allow", async () => {
  const starts = await startTimesOf(40);

  for (const { limit, perMs } of TEAMS_CONVERSATION_WINDOWS) expect(busiest(starts, perMs)).toBeLessThanOrEqual(limit);
  // 8 per 2 s is the binding limit: 7 at once, 1 a second later, then the next 2 s.
  expect(starts.slice(0, 9)).toEqual([0, 0, 0, 0, 0, 0, 0, 1_000, 2_000]);
  expect(starts[39]).toBe(9_000);
});

test('the 30 s window holds the 61st send back', async () => {
  const starts = await startTimesOf(61);

  expect(busiest(starts, 30_000)).toBeLessThanOrEqual(60);
  expect(starts[60]).toBeGreaterThanOrEqual(30_000);
});

test('the margin widens every window', async () => {
  const { now, sleep } = fakeClock();
  const pacer = createConversationPacer({ windows: [{ limit: 1, perMs: 1_000 }], marginMs: 50, now, sleep });
  const starts: number[] = [];
  await Promise.all([1, 2, 3].map(() => schedule(pacer, 'c', async () => void starts.push(now()))));
  expect(starts).toEqual([0, 1_050, 2_100]);
});

test('tasks of one conversation run one at a time, in the order scheduled', async () => {
  const { now, sleep } = fakeClock();
  const pacer = createConversationPacer({ now, sleep });
  const events: string[] = [];
  const task = (name: string, ticks: number) => async () => {
    events.push(`start ${name}`);
    for (let i = 0; i < ticks; i++) await Promise.resolve();
    events.push(`end ${name}`);
    return name;
  };

  const results = await Promise.all([schedule(pacer, 'c', task('a', 5)), schedule(pacer, 'c', task('b', 1)), schedule(pacer, 'c', task('c', 3))]);

  expect(results).toEqual(['a', 'b', 'c']);
  expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
});

test('a failing task rejects its own promise and the queue goes on', async () => {
  const pacer = createConversationPacer({ sleep: async () => undefined });
  const failing = schedule(pacer, 'c', async () => Promise.reject(new Error('boom')));
  const next = schedule(pacer, 'c', async () => 'after');
  await expect(failing).rejects.toThrow('boom');
  await expect(next).resolves.toBe('after');
});

test('a throttled conversation does not hold up another one', async () => {
  let clock = 0;
  const blockedSleeps: Array<() => void> = [];
  const pacer = createConversationPacer({
    now: () => clock,
    sleep: () => new Promise<void>((resolve) => blockedSleeps.push(resolve)),
  });

  const busy = Array.from({ length: 8 }, (_, i) => schedule(pacer, 'busy', async () => i));
  await Promise.all(busy.slice(0, 7));
  const other = await schedule(pacer, 'other', async () => 'sent');

  expect(other).toBe('sent');
  expect(blockedSleeps).toHaveLength(1); // the 8th 'busy' send still waits for its window
  clock = 5_000;
  blockedSleeps[0]?.();
  await expect(busy[7]).resolves.toBe(7);
});

test('a retry inside a task takes its own slot', async () => {
  const { now, sleep } = fakeClock();
  const pacer = createConversationPacer({ windows: [{ limit: 1, perMs: 1_000 }], marginMs: 0, now, sleep });
  const attempts: number[] = [];
  await schedule(pacer, 'c', async (takeSlot) => {
    attempts.push(now());
    await takeSlot();
    attempts.push(now());
  });
  expect(attempts).toEqual([0, 1_000]);
});

test('state of conversations idle for longer than the longest window is dropped', async () => {
  const { clock, now, sleep } = fakeClock();
  const pacer = createConversationPacer({ now, sleep });
  await Promise.all(['a', 'b', 'c'].map((id) => schedule(pacer, id, async () => undefined)));
  expect(pacer.trackedConversations()).toBe(3);

  clock.now += 30 * 60_000;
  await schedule(pacer, 'd', async () => undefined);
  expect(pacer.trackedConversations()).toBe(4); // still inside the 1 h window: must remember

  clock.now += 60 * 60_000;
  await schedule(pacer, 'e', async () => undefined);
  expect(pacer.trackedConversations()).toBe(2); // a, b, c gone; d and e remain
});

test('slots taken at once from many places (the app-wide count) never overfill a window', async () => {
  const starts: number[] = [];
  // Jest's clock, not the wall clock: on a busy machine a late timer could bunch the recorded starts
  // (or spread them) whatever the pacer did. Timers then fire exactly when due, in order.
  jest.useFakeTimers();
  try {
    const pacer = createConversationPacer({ windows: [{ limit: 3, perMs: 100 }], marginMs: 0 });
    const all = Promise.all(Array.from({ length: 10 }, () => pacer.takeSlot('app').then(() => void starts.push(Date.now()))));
    await jest.advanceTimersByTimeAsync(1_000);
    await all;
  } finally {
    jest.useRealTimers();
  }
  expect(starts).toHaveLength(10);
  expect(busiest(starts, 100)).toBeLessThanOrEqual(3);
});

test('a request is counted when its app-wide slot lets it leave, and holds its room until then: taken at once, they never overfill a window', async () => {
  const left: number[] = [];
  // How long each request's app-wide slot keeps it waiting, in the order asked for: the first is slow.
  const appSlotMs = [60, 0, 0, 30, 0, 80, 0, 0, 10, 0];
  jest.useFakeTimers();
  try {
    const pacer = createConversationPacer({ windows: [{ limit: 3, perMs: 100 }], marginMs: 0 });
    const appSlot = (ms: number) => () => new Promise<void>((resolve) => setTimeout(resolve, ms)).then(() => void left.push(Date.now()));
    const all = Promise.all(appSlotMs.map((ms) => pacer.takeSlot('roster', appSlot(ms))));
    await jest.advanceTimersByTimeAsync(2_000);
    await all;
  } finally {
    jest.useRealTimers();
  }
  expect(left).toHaveLength(10);
  expect(busiest(left.sort((a, b) => a - b), 100)).toBeLessThanOrEqual(3);
});

test('a request whose app-wide slot fails is not counted: its room goes to the next', async () => {
  const { now, sleep } = fakeClock();
  const pacer = createConversationPacer({ windows: [{ limit: 1, perMs: 1_000 }], marginMs: 0, now, sleep });

  await expect(pacer.takeSlot('c', () => Promise.reject(new Error('no app-wide slot')))).rejects.toThrow('no app-wide slot');
  await pacer.takeSlot('c');

  expect(now()).toBe(0);
});
