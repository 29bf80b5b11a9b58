import { answerBurst, type BurstResult } from './answerBurst';
import { cpuMs } from './procStats';

/**
 * Warm-up, then the measured burst, with the CPU each process spent on the burst: the bot
 * under test, Azurite, and this process (the load generator). All three share the machine,
 * so CPU per answer says where the time went.
 */
export interface MeasuredBurst {
  readonly burst: BurstResult;
  readonly warmup: { sent: number; accepted: number };
  /** CPU milliseconds per measured answer, by process. */
  readonly cpuMsPerAnswer: { bot?: number; azurite?: number; loadGenerator: number };
}

export async function measureBurst(options: {
  url: string;
  botPid: number;
  azuritePid?: number;
  warmup: readonly unknown[];
  answers: readonly unknown[];
  concurrency: number;
  accept: (status: number, body: unknown) => boolean;
}): Promise<MeasuredBurst> {
  const warm = await answerBurst({ url: options.url, activities: options.warmup, concurrency: options.concurrency, accept: options.accept });
  const before = { bot: cpuMs(options.botPid), azurite: options.azuritePid ? cpuMs(options.azuritePid) : undefined, self: process.cpuUsage() };
  const burst = await answerBurst({ url: options.url, activities: options.answers, concurrency: options.concurrency, accept: options.accept });
  const self = process.cpuUsage(before.self);
  const per = (start: number | undefined, end: number | undefined) => (start === undefined || end === undefined ? undefined : (end - start) / burst.sent);
  return {
    burst,
    warmup: { sent: warm.sent, accepted: warm.accepted },
    cpuMsPerAnswer: {
      bot: per(before.bot, cpuMs(options.botPid)),
      azurite: options.azuritePid ? per(before.azurite, cpuMs(options.azuritePid)) : undefined,
      loadGenerator: (self.user + self.system) / 1000 / burst.sent,
    },
  };
}
