import { TEAMS_CONVERSATION_WINDOWS } from '../../bot/teams/delivery/rateLimiter';
import type { RecordedCall } from './fakeConnector';

/** The most of `times` (ms) inside any span of `spanMs`, a window sliding over them. */
export function busiest(times: readonly number[], spanMs: number): number {
  return Math.max(0, ...times.map((t) => times.filter((u) => u >= t && u < t + spanMs).length));
}

/**
 * Where the calls the bot made broke Teams' per-bot limits for one conversation
 * (TEAMS_CONVERSATION_WINDOWS: 7 a second, 8 in 2 seconds, 60 in 30 seconds, 1,800 an hour),
 * counted as Teams counts them, when each arrived: one line per conversation and window broken,
 * "19:x@thread.tacv2: 9 calls within 2000 ms (Teams allows 8)". Empty when none was.
 */
export function overConversationLimits(calls: readonly RecordedCall[]): string[] {
  const byConversation = new Map<string, number[]>();
  for (const call of calls) {
    if (call.conversationId === undefined) continue;
    byConversation.set(call.conversationId, [...(byConversation.get(call.conversationId) ?? []), call.at]);
  }
  return [...byConversation].flatMap(([conversationId, times]) =>
    TEAMS_CONVERSATION_WINDOWS.flatMap(({ limit, perMs }) => {
      const most = busiest(times, perMs);
      return most > limit ? [`${conversationId}: ${most} calls within ${perMs} ms (Teams allows ${limit})`] : [];
    }),
  );
}
