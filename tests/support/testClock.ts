/**
 * A clock for the service under test (startTestService's `now`) that runs at real speed from an
 * instant the test chooses: the service's dates (close dates, cadences) are then the test's,
 * while its due work still waits real time (Azurite's visibility timeouts, from this clock).
 */
export interface TestClock {
  readonly now: () => Date;
  /** From now on the clock reads `instant`, and runs on from it. */
  setTo(instant: Date | string): void;
}

export function testClock(start: Date | string = new Date()): TestClock {
  let offsetMs = 0;
  const setTo = (instant: Date | string) => {
    offsetMs = new Date(instant).getTime() - Date.now();
  };
  setTo(start);
  return { now: () => new Date(Date.now() + offsetMs), setTo };
}
