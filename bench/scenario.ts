import type { MeasuredBurst } from './measure';

/** What one bot under test did with the burst. */
export interface ScenarioResult {
  readonly name: string;
  readonly measured: MeasuredBurst;
  /** Rows of the measured condition found in storage afterwards. */
  readonly stored: number;
  /** Sent minus stored: must be 0. */
  readonly lost: number;
  /** The kernel's high-water mark of the bot process's resident set (VmHWM), MiB. */
  readonly peakRssMb?: number;
  /** Resident set once set up, before warm-up, MiB. */
  readonly setupRssMb?: number;
  readonly notes: readonly string[];
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `{ key: value }` when the value is known, `{}` otherwise (for optional result fields). */
export function optional<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}
