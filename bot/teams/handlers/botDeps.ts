import type { AuditServices } from '../../app/auditServices';
import type { SafeguardingContact } from '../../domain/safeguarding/safeguardingContact';
import type { Logger } from '../../logger';
import type { HandledActivities } from '../../storage/handledActivities';
import type { TeamMembership } from '../teamMembership';
import type { TeamsPort } from '../teamsPort';

/** What every handler may use. Handlers stay thin: they translate Teams to use-cases and back. */
export interface BotDeps {
  readonly services: AuditServices;
  readonly membership: TeamMembership;
  /** Teams outside the turn, for work that outlives it: a close's outcome, a chat's next card, a notice of cards not posted. */
  readonly teams: TeamsPort;
  /** Claims an activity's one-off effect, so a redelivered activity has none (see HandledActivities). */
  readonly handledActivities: HandledActivities;
  readonly logger: Logger;
  /** Work that outlives the turn (posting a round's cards); tracked so shutdown can wait. */
  readonly inBackground: (name: string, work: () => Promise<void>) => void;
  /** Where a concern about a child goes (SAFEGUARDING_CONTACT_*): shown on a card whose comment may identify someone. */
  readonly safeguardingContact: SafeguardingContact;
  /** Local mode (no bot credentials, loopback only): a file may be put at a loopback URL, where the Teams stand-in serves them. */
  readonly uploadsToLoopback?: boolean;
}
