import type { RoundReadCache } from '../../storage/roundReadCache';
import type { ServiceRoundReadCache } from '../../storage/serviceRoundReadCache';
import type { AuditServices } from '../auditServices';
import type { TeamRoster } from '../roster';
import type { RoundSummaryCache } from './roundSummaryCache';
import type { ServiceSummaryCache } from '../organisation/serviceSummaryCache';
import type { TabRoster } from './teamAccess';

/**
 * What the tab's use cases may use: the parts of the service it reads and writes, the Teams
 * roster, and its caches. Each use case takes the few of these it uses.
 */
export interface TabDeps extends Pick<AuditServices, 'teamCache' | 'teams' | 'rounds' | 'plans' | 'evidence' | 'champions' | 'dueWork' | 'announcements' | 'activityLog' | 'serviceRounds' | 'answers' | 'privacyThreshold' | 'commentThreshold' | 'now'> {
  readonly roster: TabRoster;
  /** Each team's members (cached): an open round's response rate is counted against them. */
  readonly teamRoster: TeamRoster;
  readonly roundSummaries: RoundSummaryCache;
  /** Service-wide rounds as the organisation view reads them: served from memory and refreshed behind (issue 13). */
  readonly tabServiceRounds: ServiceRoundReadCache;
  /** Released service-wide rounds' figures, made once (issue 13). */
  readonly serviceSummaries: ServiceSummaryCache;
  /** Rounds as the tab sees them: served from memory and refreshed behind (a status may show a few seconds late). */
  readonly tabRounds: RoundReadCache;
}
