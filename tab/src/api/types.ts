import type { RoundSummary, SummaryComment } from '../../../bot/domain/summary/roundSummary';

export type { RoundSummary, SummaryComment };

export interface Me {
  readonly name: string;
  /** Local mode: the server runs without sign-in (loopback only). */
  readonly local: boolean;
}

export interface RoundListItem {
  readonly roundId: string;
  readonly number: number;
  readonly status: 'open' | 'closed';
  readonly openedAt: string;
  readonly closedAt?: string;
}

export interface MyRound extends RoundListItem {
  readonly teamId: string;
  readonly teamName: string;
}
