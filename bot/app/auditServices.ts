import type { AuditRound } from '../domain/auditRound';
import type { ConditionId } from '../domain/conditions';
import type { Participation } from '../domain/participation';
import type { DeliveryReport } from './deliveryReport';
import type { AnswersRepository } from '../storage/answersRepository';
import type { ChampionsRepository } from '../storage/championsRepository';
import type { RememberedLevels } from '../storage/rememberedLevels';
import type { RoundLevels } from '../storage/roundLevels';
import type { RoundReadCache } from '../storage/roundReadCache';
import type { TeamReadCache } from '../storage/teamReadCache';
import type { RoundsRepository } from '../storage/roundsRepository';
import type { PlanRepository } from '../storage/planRepository';
import type { TeamsRepository } from '../storage/teamsRepository';

/** Someone acting in Teams, as the Teams edge has established them. */
export interface Person {
  readonly entraObjectId: string;
  readonly name: string;
  /** The Teams user id (29:…). */
  readonly teamsUserId: string;
}

/**
 * What the use-cases need of the place where rounds are shown (a Teams channel). The
 * Teams edge implements it with paced, retried sends; the use-cases stay free of botbuilder.
 */
export interface RoundPublisher {
  /**
   * Posts the round's cards that have no post yet (`missing`: all of them for a new round),
   * or every card anew (`all`), recording each post as Teams accepts it, so later updates go
   * to it. A card Teams refuses does not stop the others: the report says which.
   */
  publishRound(round: AuditRound, which: 'missing' | 'all'): Promise<DeliveryReport>;
  /** Many calls in a burst become one update of the shared card. */
  answerCountChanged(round: AuditRound, conditionId: ConditionId): void;
  /** Updates every posted card to the closed round's figures, carrying on past any it cannot update. */
  publishClosure(round: AuditRound, participation: Participation): Promise<DeliveryReport>;
}

export interface AuditServices {
  readonly rounds: RoundsRepository;
  /** Rounds as answers see them: cached briefly per instance (see RoundReadCache). */
  readonly roundCache: RoundReadCache;
  readonly answers: AnswersRepository;
  readonly champions: ChampionsRepository;
  /** Each person's level per team, remembered (written behind, see RememberedLevels). */
  readonly levels: RememberedLevels;
  /** Each person's level in the open rounds, as this instance knows it (see RoundLevels). */
  readonly roundLevels: RoundLevels;
  readonly teams: TeamsRepository;
  /** Teams as the tab's access check sees them: cached briefly per instance (see TeamReadCache). */
  readonly teamCache: TeamReadCache;
  readonly plans: PlanRepository;
  readonly publisher: RoundPublisher;
  readonly privacyThreshold: number;
  readonly respondentHmacKey: string;
  readonly now: () => Date;
}
