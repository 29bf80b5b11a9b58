// The app-wide limit shared by instances (issue 10): each instance's slots come from one send
// schedule in Table storage (the suite's Azurite), in real time.
import { isAuditError } from '../../../bot/domain/errors';
import { startEmbeddedAzurite } from '../../../bot/storage/embeddedAzurite';
import { SendSchedule } from '../../../bot/storage/sendSchedule';
import { ensureAuditTables, openAuditTables } from '../../../bot/storage/tables';
import { createSharedAppSlots, LATE_TOLERANCE_MS, SLOT_MS, type AppSlots } from '../../../bot/teams/delivery/sharedAppLimit';
import { mostWithin } from '../../support/fakeConnector/recordedCalls';
import { freePort } from '../../support/serviceProcess';
import { testConnectionString, uniqueTablePrefix } from '../../support/suiteAzurite';

/** The send schedule as each of `instances` instances opens it (its own client, one prefix). */
async function sharedSchedule(instances: number): Promise<SendSchedule[]> {
  const prefix = uniqueTablePrefix();
  const all = Array.from({ length: instances }, () => openAuditTables({ kind: 'connectionString', connectionString: testConnectionString() }, prefix));
  await ensureAuditTables(all[0]!);
  return all.map((tables) => new SendSchedule(tables.sendSchedule));
}

/** When each of `count` requests asked for at once was let start (ms), in the order they were. */
async function startsOf(slots: AppSlots, count: number, onStart: (startsSoFar: number) => void = () => undefined): Promise<number[]> {
  const starts: number[] = [];
  await Promise.all(
    Array.from({ length: count }, () =>
      slots.takeSlot().then(() => {
        starts.push(Date.now());
        onStart(starts.length);
      }),
    ),
  );
  return starts;
}

/** The shortest time between two starts. */
const closest = (starts: number[]) => {
  const sorted = [...starts].sort((a, b) => a - b);
  return Math.min(...sorted.slice(1).map((t, i) => t - sorted[i]!));
};

/**
 * A start is at most LATE_TOLERANCE_MS (+1 ms of clock resolution) after its slot, and slots are
 * SLOT_MS apart: two starts are never closer than this (1 ms more allowed for reading the clock).
 */
const ONE_SLOT_APART_MS = SLOT_MS - LATE_TOLERANCE_MS - 2;
/** So at most this many start in any one second (47 at 46 slots a second); Teams allows 50. */
const MOST_IN_A_SECOND = Math.ceil((1000 + LATE_TOLERANCE_MS + 2) / SLOT_MS);

test('two instances sharing the schedule start one request a slot between them: never two at once, never more than the slots in any second', async () => {
  const [one, other] = (await sharedSchedule(2)).map((schedule) => createSharedAppSlots({ schedule }));

  const starts = (await Promise.all([startsOf(one!, 60), startsOf(other!, 60)])).flat();

  expect(starts).toHaveLength(120);
  expect(mostWithin(starts, 1_000)).toBeLessThanOrEqual(MOST_IN_A_SECOND);
  expect(closest(starts)).toBeGreaterThanOrEqual(ONE_SLOT_APART_MS);
}, 30_000);

test('a slot the instance wakes up for too late is given up: requests held up by a stall do not then start together', async () => {
  const [schedule] = await sharedSchedule(1);
  const slots = createSharedAppSlots({ schedule: schedule! });

  // After the fifth start the process stalls for a quarter of a second (a long GC, a busy event
  // loop): the slots that passed meanwhile, already handed to waiting requests, are not used late.
  const starts = await startsOf(slots, 30, (n) => {
    if (n !== 5) return;
    const until = Date.now() + 250;
    while (Date.now() < until);
  });

  expect(starts).toHaveLength(30);
  expect(starts[5]! - starts[4]!).toBeGreaterThanOrEqual(250);
  expect(closest(starts)).toBeGreaterThanOrEqual(ONE_SLOT_APART_MS);
  expect(mostWithin(starts, 1_000)).toBeLessThanOrEqual(MOST_IN_A_SECOND);
}, 30_000);

/** The suite's Azurite account at `port`, where nothing listens until a test starts a table server there. */
const tablesAt = (port: number) =>
  openAuditTables({ kind: 'connectionString', connectionString: testConnectionString().replace(/TableEndpoint=http:\/\/[^/;]+/, `TableEndpoint=http://127.0.0.1:${port}`) }, uniqueTablePrefix());

test("when storage cannot be reached, the instance goes on at its own 46 a second, and says so once", async () => {
  const schedule = new SendSchedule(tablesAt(await freePort()).sendSchedule);
  const unavailable: unknown[] = [];
  const slots = createSharedAppSlots({ schedule, onScheduleUnavailable: (error) => unavailable.push(error) });

  const starts = await startsOf(slots, 60);

  expect(starts).toHaveLength(60);
  expect(mostWithin(starts, 1_000)).toBeLessThanOrEqual(MOST_IN_A_SECOND);
  expect(closest(starts)).toBeGreaterThanOrEqual(ONE_SLOT_APART_MS);
  expect(unavailable).toHaveLength(1);
  expect(isAuditError(unavailable[0], 'STORAGE_UNAVAILABLE')).toBe(true);
}, 30_000);

test('once storage answers again, the instance goes back to the shared schedule, and says so', async () => {
  const port = await freePort();
  const tables = tablesAt(port);
  const events: string[] = [];
  const slots = createSharedAppSlots({
    schedule: new SendSchedule(tables.sendSchedule),
    onScheduleUnavailable: () => events.push('unavailable'),
    onScheduleBack: () => events.push('back'),
    retryScheduleAfterMs: 200,
  });
  await startsOf(slots, 5);
  expect(events).toEqual(['unavailable']);

  const azurite = await startEmbeddedAzurite({ port, inMemory: true });
  try {
    await ensureAuditTables(tables);
    const startedAfter = Date.now();
    for (let taken = 0; !events.includes('back'); taken += 1) {
      expect(taken).toBeLessThan(200);
      await slots.takeSlot();
    }
    await startsOf(slots, 5);

    expect(events).toEqual(['unavailable', 'back']);
    // The shared schedule holds the runs this instance claimed since.
    const row = await tables.sendSchedule.getEntity<{ nextFreeAt: number }>('sendSchedule', 'app');
    expect(row.nextFreeAt).toBeGreaterThan(startedAfter);
  } finally {
    await azurite.stop();
  }
}, 30_000);
