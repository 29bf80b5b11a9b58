import { isAuditError } from '../../domain/errors';

// Teams allows an app 50 requests a second in a tenant, counted when they arrive, whichever
// instance sends them. Counted per instance, two instances (App Service scale-out) sending a
// reminder run together could send 100. So every instance takes its app-wide slots from one
// send schedule they share (bot/storage/sendSchedule.ts, a row in Table storage):
//
//   time is cut into slots SLOT_MS apart; an instance with requests waiting claims a run of
//   up to MAX_RUN consecutive slots (one write of the shared row, at its etag: no slot is ever
//   given twice); each request starts no earlier than its slot's start, and a slot the
//   instance wakes up for more than LATE_TOLERANCE_MS late is given up, not used (its request
//   waits for another). A claimed slot nobody needs is wasted: runs stay short to keep that small.
//
// Why 46 slots a second, not 50 (the bound). Every slot carries at most one request, and slot
// starts are at least SLOT_MS = 1000/46 ms apart. A request arrives at Teams e ms after its
// slot's start: e = how late it started (0 to LATE_TOLERANCE_MS) + its network delay, read on
// the sending instance's clock. Let J be how far e can differ between two requests (the
// tolerance, plus the spread of network delays, plus how far two instances' clocks differ).
// The requests arriving in any one second [x, x + 1000) had slots starting in
// [x − e_max, x + 1000 − e_min), a span of 1000 + J ms, which holds at most
// ⌈(1000 + J) × 46 / 1000⌉ slot starts: at most 50 as long as J ≤ 1000 × (50 − 46) / 46 ≈ 87 ms.
// With the 10 ms tolerance, that leaves 77 ms for the spread of network delays and clocks
// (an assumption: instances' clocks, kept by NTP or the host, normally differ by a few ms; one
// far ahead is not followed, see sendSchedule.ts). At 50 slots a second J would have to be 0;
// at 48 it may be 41.7 ms, and the bench (two cores shared by the instances, Azurite and the fake
// Teams that timestamps arrivals) saw 51 calls in one second once at 48: the delay between a
// request's start and its timestamp there reached tens of ms whenever a process waited for a core.
// 46 costs 4% of the throughput (BENCHMARKS.md, reminder run).
//
// When storage cannot be reached, each instance falls back to a schedule of its own, in memory,
// with the same slots (and says so once), rather than stopping: every call to Teams goes through
// here, replies included, and a storage outage must not silence the bot. Several instances may
// then exceed the tenant's limit together until storage is back; Teams answers 429 with
// Retry-After, which the retry honours. (Evenly spaced slots, not "50, then wait a second":
// a burst of 50 started together reaches Teams spread over tens of ms, and the next burst's
// first requests then share a second with the last ones.)

/** Slots per second in a schedule: a little under Teams' 50 (see the bound above). */
export const SLOTS_PER_SECOND = 46;
export const SLOT_MS = 1000 / SLOTS_PER_SECOND;
/** A request may start at most this long after its slot's start; later, the slot is given up. */
export const LATE_TOLERANCE_MS = 10;
/** Most slots claimed at once: about 0.2 s of the schedule, the most one claim can waste. */
const MAX_RUN = 10;
/**
 * An instance claims again only when what it holds ends within this: enough for a claim's round
 * trip, and it keeps any instance from taking the schedule far ahead of the others (with two
 * instances busy, each takes alternate runs).
 */
const HORIZON_MS = 300;
/** A claim that takes longer than this counts as storage being unreachable. */
const CLAIM_TIMEOUT_MS = 2_000;
/** While storage is unreachable, how often the shared schedule is tried again. */
const SCHEDULE_RETRY_MS = 15_000;
/** First guess at a claim's round trip: the first slot asked for starts this far ahead. */
const INITIAL_LEAD_MS = 20;
/**
 * A claim that does not time out must be able to ask far enough ahead to use its slots: with a
 * smaller cap, storage answering in 0.8 to 2 s (slow, yet not "unreachable") would give runs
 * that have always passed when they arrive, and nothing would ever be sent.
 */
const MAX_LEAD_MS = CLAIM_TIMEOUT_MS;
/** After a run that had passed by the time it arrived, the next asks this much further ahead than that claim took. */
const LATE_RUN_LEAD_FACTOR = 1.25;

/** A run of consecutive slots: slot i (0 ≤ i < count) starts at `firstAtMs + i × spacingMs`, ms since the epoch. */
interface SlotRun {
  readonly firstAtMs: number;
  readonly spacingMs: number;
  readonly count: number;
}

/** A send schedule, as the pacer needs it (shared: bot/storage/sendSchedule.ts over Table storage). */
export interface SlotClaimer {
  /**
   * `count` consecutive slots `spacingMs` apart, the first at `notBeforeMs` or later, none ever
   * given to another claim. Rejects with STORAGE_CONFLICT to mean "try again", anything else
   * when the schedule cannot be used.
   */
  claim(count: number, spacingMs: number, notBeforeMs: number, options: { abortSignal?: AbortSignal }): Promise<SlotRun>;
}

/** The app-wide limit as the connector's pipeline takes it: one slot per attempt. */
export interface AppSlots {
  /** Resolves when one request may start now; safe to call concurrently (served in order). */
  takeSlot(): Promise<void>;
}

export interface SharedAppSlotsOptions {
  schedule: SlotClaimer;
  /** The shared schedule could not be used for a claim: once per outage, with the error. */
  onScheduleUnavailable?: (error: unknown) => void;
  /** The first claim that worked after an outage. */
  onScheduleBack?: () => void;
  /** While the shared schedule cannot be used, how often it is tried again (ms; 15 s unless given). */
  retryScheduleAfterMs?: number;
}

/** A schedule in this instance's memory: its own SLOTS_PER_SECOND, shared with nobody. */
function scheduleInMemory(): SlotClaimer & { readonly nextFreeAt: number } {
  let nextFreeAt = 0;
  return {
    get nextFreeAt() {
      return nextFreeAt;
    },
    async claim(count, spacingMs, notBeforeMs) {
      const firstAtMs = Math.max(nextFreeAt, notBeforeMs);
      nextFreeAt = firstAtMs + count * spacingMs;
      return { firstAtMs, spacingMs, count };
    },
  };
}

interface SlotPacer extends AppSlots {
  /** Hands every request not yet given a slot to `take` (an outage: another schedule serves them). */
  handOver(take: () => Promise<void>): void;
}

/**
 * Requests wait in line; runs of slots are claimed from `schedule` for them, one claim at a time,
 * and each request starts in its slot (see the top of this file). `failed` hears of every claim
 * that did not work, except STORAGE_CONFLICT, which is claimed again.
 */
function slotPacer(schedule: SlotClaimer, hooks: { notBefore?: () => number; claimed?: () => void; failed?: (error: unknown) => void } = {}): SlotPacer {
  /** Requests not yet given a slot, oldest first. */
  const waiting: Array<() => void> = [];
  let claiming = false;
  /** When the last slot claimed for this pacer ends. */
  let claimedUntil = 0;
  let leadMs = INITIAL_LEAD_MS;
  let wakeTimer: NodeJS.Timeout | undefined;

  /** Starts the request `resolve` stands for at `slotAt`, or puts it back first in line when the timer fires too late. */
  const startAt = (slotAt: number, resolve: () => void): void => {
    const fire = () => {
      const now = Date.now();
      if (now < slotAt) return void setTimeout(fire, Math.ceil(slotAt - now));
      if (now - slotAt > LATE_TOLERANCE_MS) {
        waiting.unshift(resolve);
        return pump();
      }
      resolve();
    };
    setTimeout(fire, Math.max(0, Math.ceil(slotAt - Date.now())));
  };

  const claimed = (run: SlotRun, tookMs: number): void => {
    hooks.claimed?.();
    claimedUntil = Math.max(claimedUntil, run.firstAtMs + run.count * run.spacingMs);
    const now = Date.now();
    const lastSlotAt = run.firstAtMs + (run.count - 1) * run.spacingMs;
    // Every slot had passed when the claim came back (storage slower than the lead allowed for):
    // the next claim asks far enough ahead at once, rather than averaging towards it while nothing is sent.
    const allPassed = now - lastSlotAt > LATE_TOLERANCE_MS;
    leadMs = Math.min(MAX_LEAD_MS, allPassed ? Math.max(leadMs, tookMs * LATE_RUN_LEAD_FACTOR) : 0.7 * leadMs + 0.3 * tookMs);
    for (let i = 0; i < run.count && waiting.length > 0; i += 1) {
      const slotAt = run.firstAtMs + i * run.spacingMs;
      if (now - slotAt <= LATE_TOLERANCE_MS) startAt(slotAt, waiting.shift()!);
    }
  };

  function pump(): void {
    if (claiming || waiting.length === 0) return;
    const now = Date.now();
    if (claimedUntil - now > HORIZON_MS) {
      wakeTimer ??= setTimeout(() => {
        wakeTimer = undefined;
        pump();
      }, Math.ceil(claimedUntil - now - HORIZON_MS));
      return;
    }
    claiming = true;
    const count = Math.min(waiting.length, MAX_RUN);
    const notBefore = Math.max(now + leadMs, hooks.notBefore?.() ?? 0);
    schedule
      .claim(count, SLOT_MS, notBefore, { abortSignal: AbortSignal.timeout(CLAIM_TIMEOUT_MS) })
      .then(
        (run) => claimed(run, Date.now() - now),
        (error: unknown) => {
          if (!isAuditError(error, 'STORAGE_CONFLICT')) hooks.failed?.(error);
        },
      )
      .finally(() => {
        claiming = false;
        pump();
      });
  }

  return {
    takeSlot: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        pump();
      }),
    handOver(take) {
      for (const resolve of waiting.splice(0)) void take().then(resolve);
    },
  };
}

/** This instance's own app-wide limit, SLOTS_PER_SECOND requests a second: what the pipeline uses without a shared schedule. */
export function instanceAppSlots(): AppSlots {
  return slotPacer(scheduleInMemory());
}

/**
 * App-wide slots shared by every instance that uses the same schedule: together they start at
 * most SLOTS_PER_SECOND requests a second, so at most 50 arrive at Teams in any one second
 * (within the bound above). Requests are served first come, first served.
 */
export function createSharedAppSlots(options: SharedAppSlotsOptions): AppSlots {
  const ownSchedule = scheduleInMemory();
  const own = slotPacer(ownSchedule);
  let unavailable = false;
  let retryScheduleAt = 0;
  const shared: SlotPacer = slotPacer(options.schedule, {
    // Back from an outage, the shared slots start after the last of its own slots claimed so far.
    notBefore: () => ownSchedule.nextFreeAt,
    claimed: () => {
      if (!unavailable) return;
      unavailable = false;
      options.onScheduleBack?.();
    },
    failed: (error) => {
      if (!unavailable) options.onScheduleUnavailable?.(error);
      unavailable = true;
      retryScheduleAt = Date.now() + (options.retryScheduleAfterMs ?? SCHEDULE_RETRY_MS);
      shared.handOver(() => own.takeSlot());
    },
  });
  return { takeSlot: () => (unavailable && Date.now() < retryScheduleAt ? own : shared).takeSlot() };
}
