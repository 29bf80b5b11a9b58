/**
 * A clock for the service under test (startTestService's `now`) that runs at real speed from an
 * instant the test chooses: the service's dates (close dates, cadences) are then the test's,
 * while its due work still waits real time (Azurite's visibility timeouts, from this clock).
 */
export interface TestClock {
  readonly now: () => Date;
  /** From now on the clock reads `instant`, and runs on from it. */
  setTo(instant: Date | string): void;
  /**
   * From now on the clock reads `instant` and stands still there until `runOn()`: what the test
   * does meanwhile happens at that instant, however long it takes the machine. For setting things
   * up just before a due time, so that they are done before it and it comes a moment later.
   */
  holdAt(instant: Date | string): void;
  /** A held clock runs on, at real speed, from where it stands. */
  runOn(): void;
}

export function testClock(start: Date | string = new Date()): TestClock {
  let offsetMs = 0;
  let heldAt: number | undefined;
  const setTo = (instant: Date | string) => {
    heldAt = undefined;
    offsetMs = new Date(instant).getTime() - Date.now();
  };
  setTo(start);
  return {
    now: () => new Date(heldAt ?? Date.now() + offsetMs),
    setTo,
    holdAt: (instant) => {
      heldAt = new Date(instant).getTime();
    },
    runOn: () => {
      if (heldAt !== undefined) setTo(new Date(heldAt));
    },
  };
}
