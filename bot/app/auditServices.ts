import type { DueWork } from './dueWork';
import type { RoundCards } from './roundCards';
import type { TeamRoster } from './roster';
import type { AnswersRepository } from '../storage/answersRepository';
import type { ChampionsRepository } from '../storage/championsRepository';
import type { RememberedLevels } from '../storage/rememberedLevels';
import type { RoundLevels } from '../storage/roundLevels';
import type { RoundReadCache } from '../storage/roundReadCache';
import type { TeamReadCache } from '../storage/teamReadCache';
import type { RoundsRepository } from '../storage/roundsRepository';
import type { TeamsRepository } from '../storage/teamsRepository';
import type { ServiceRoundsRepository } from '../storage/serviceRoundsRepository';
import type { TeamSettingsRepository } from '../storage/teamSettingsRepository';
import type { PlanStore } from './plan/planStore';
import type { ReminderServices } from './reminders/reminderPorts';
import type { AnnounceServices } from './announce/announcePorts';
import type { EvidenceStore } from './evidence/evidenceStore';
import type { NudgeClaims } from './plan/nudgePorts';
import type { ActivityLog } from './activityLog/activityLogPort';
import type { Logger } from '../logger';
import type { RetentionServices } from './retention/retentionPorts';

/** Someone acting in Teams, as the Teams edge has established them. */
export interface Person {
  readonly entraObjectId: string;
  readonly name: string;
  /** The Teams user id (29:…). */
  readonly teamsUserId: string;
}

/**
 * Everything the use cases may use, as the service builds it (bot/service.ts). Each use case
 * takes only the few it uses: its first parameter picks them (`Pick<AuditServices, …>`).
 */
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
  /** The organisation's service-wide rounds, each team's part in them, and the teams left out (issue 13). */
  readonly serviceRounds: ServiceRoundsRepository;
  /** Each team's living plan, and the plans kept at rounds' closes (issue 11). */
  readonly plans: PlanStore;
  /** Each round's evidence notes, what other sources found (issue 11). */
  readonly evidence: EvidenceStore;
  /** The owners' due-date nudges claimed, beside the plan (issue 11): each sent once. */
  readonly nudgeClaims: NudgeClaims;
  /** Each team's own choices for its rounds: close after days, reminders, cadence (issue 10). */
  readonly teamSettings: TeamSettingsRepository;
  /** The rounds' cards in their channels (posting, counts, closing). */
  readonly roundCards: RoundCards;
  /** Reminder waves, their progress, opt-outs, who has answered what, and where reminders go (see app/reminders). */
  readonly reminders: ReminderServices;
  /** Posts in a team's channel that tell staff what came of an audit, each made once (see app/announce). */
  readonly announcements: AnnounceServices;
  /** Each team's members, read from Teams and cached briefly: the response rate's denominator. */
  readonly roster: TeamRoster;
  /** Work due later (a round's close, reminders, the next recurring round): kept durably, run once (dueWork.ts). */
  readonly dueWork: DueWork;
  /** Each team's activity log: who changed what (issue 12). Appended through logActivity (app/activityLog/logActivity.ts). */
  readonly activityLog: ActivityLog;
  /** For what a use case must not drop silently (an activity log entry that could not be kept). */
  readonly logger: Logger;
  /** How long closed rounds' answers are kept (RETENTION_DAYS), and what deletes them then (issue 12). */
  readonly retention: RetentionServices;
  readonly privacyThreshold: number;
  /** COMMENT_THRESHOLD: a condition's comments are shown once at least this many people answered it. */
  readonly commentThreshold: number;
  readonly respondentHmacKey: string;
  readonly now: () => Date;
}
