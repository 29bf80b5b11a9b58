import type { AuditRound } from '../../domain/auditRound';
import type { ServiceRoundView } from '../../domain/organisation/organisationView';
import { ReadThroughCache } from '../../shared/readThroughCache';
import type { ServiceSummary } from '../../domain/organisation/serviceSummary';

/** Released service-wide rounds whose figures an instance keeps (about 100 KB each at 50 teams). */
const MAX_KEPT = 100;
/**
 * How old a view whose results are not out may be before a read makes it again, behind itself: its
 * response rates are at most this much behind (plus the tab's 5 s poll), as one team's are
 * (RoundSummaryCache). Longer would ease the background work, which grows with the teams, but would
 * hold results just released back from leaders as long.
 */
const LIVE_VIEW_MS = 2000;
/**
 * At most this many teams' rounds and answers are read again in one pass over a service-wide
 * round (two storage calls each: the round, and RoundAggregate's "changed since"), each team in
 * turn: a view of 50 teams reads 10 a pass, so what leaders' polling costs storage, and the burst
 * of replies a pass brings back at once, do not grow with the organisation (measured: `npm run
 * bench`, BENCHMARKS.md). Each team's response rate and status are then at most ceil(teams / 10)
 * passes behind: 10 s at 50 teams with leaders polling (a pass at most every LIVE_VIEW_MS).
 */
const TEAMS_READ_PER_PASS = 10;

/**
 * A released service-wide round's figures, made once per instance (issue 13). Once its results
 * are released they are made only from its team rounds' counts kept at close (`finalCounts`,
 * never changed after), so every read would make the same figures again, and summariseService
 * over 50 teams is most of a read's time. Kept by the team rounds they were made from, so a team
 * round opened in it later (an admin asking a team that had not been asked) makes them anew. A
 * round without kept counts (counted from its answers, which may still be erased) is not kept.
 */
export class ServiceSummaryCache {
  private readonly kept = new Map<string, Promise<ServiceSummary>>();

  /**
   * The figures of the service-wide round `serviceRoundId` made from `rounds` (its opened team
   * rounds), from what this instance keeps, or from `make` (then kept, unless it rejects).
   */
  summaryOf(serviceRoundId: string, rounds: readonly Pick<AuditRound, 'teamId' | 'roundId' | 'finalCounts'>[], make: () => Promise<ServiceSummary>): Promise<ServiceSummary> {
    if (!rounds.every((round) => round.finalCounts)) return make();
    const key = [serviceRoundId, ...rounds.map((round) => `${round.teamId}\n${round.roundId}`).sort()].join('\n\n');
    const kept = this.kept.get(key);
    if (kept) return kept;
    if (this.kept.size >= MAX_KEPT) this.kept.delete(this.kept.keys().next().value!);
    const made = make();
    this.kept.set(key, made);
    made.catch(() => this.kept.delete(key));
    return made;
  }

  private readonly turns = new Map<string, number>();

  /**
   * Which of a service-wide round's teams (`teamIds`, in the view's order) this pass reads again:
   * all of them when there are no more than TEAMS_READ_PER_PASS, else the next that many in
   * turn, wrapping round, so each is read at least every ceil(teams / TEAMS_READ_PER_PASS) passes.
   */
  teamsReadThisPass(partition: string, serviceRoundId: string, teamIds: readonly string[]): ReadonlySet<string> {
    if (teamIds.length <= TEAMS_READ_PER_PASS) return new Set(teamIds);
    const key = `${partition}\n${serviceRoundId}`;
    const start = (this.turns.get(key) ?? 0) % teamIds.length;
    this.turns.delete(key);
    if (this.turns.size >= MAX_KEPT) this.turns.delete(this.turns.keys().next().value!);
    this.turns.set(key, (start + TEAMS_READ_PER_PASS) % teamIds.length);
    return new Set(Array.from({ length: TEAMS_READ_PER_PASS }, (_, i) => teamIds[(start + i) % teamIds.length]!));
  }

  private readonly views = new Map<string, ServiceRoundView>();
  /**
   * Views whose results are not out yet (participation only: nothing a rating or level moves), as
   * last made: served at once, and made again behind a read once `LIVE_VIEW_MS` old, as a team's
   * own tab reads its round (RoundSummaryCache), so no read waits for a pass over every team. The
   * tab polls every 5 s, so results just released show at its next poll.
   */
  private readonly live = new ReadThroughCache<ServiceRoundView>(LIVE_VIEW_MS, { serveStale: true, maxEntries: 200 });

  /** The round's view from what this instance keeps (released: for good; otherwise up to LIVE_VIEW_MS old), or made by `make`. */
  viewOf(partition: string, serviceRoundId: string, make: () => Promise<ServiceRoundView>): Promise<ServiceRoundView> {
    const released = this.releasedView(partition, serviceRoundId);
    if (released) return Promise.resolve(released);
    return this.live.get(`${partition}\n${serviceRoundId}`, make) as Promise<ServiceRoundView>;
  }

  /**
   * A released round's whole view, as this instance last served it. Once released it cannot
   * change: its teams' rounds are closed with their counts and sizes kept, no team can be asked
   * any more (a team not asked holds the release until the close date, after which none is
   * asked), and the earlier round it is compared with is released too. So a read of it costs a
   * lookup, whatever the number of teams. Keyed by tenant (partition) and round.
   */
  private releasedView(partition: string, serviceRoundId: string): ServiceRoundView | undefined {
    return this.views.get(`${partition}\n${serviceRoundId}`);
  }

  /** Keeps a view once released, and only when its figures came from kept counts (see summaryOf). */
  keepView(partition: string, view: ServiceRoundView, fromKeptCounts: boolean): void {
    if (view.results !== 'released' || !fromKeptCounts) return;
    if (this.views.size >= MAX_KEPT) this.views.delete(this.views.keys().next().value!);
    this.views.set(`${partition}\n${view.round.serviceRoundId}`, view);
  }
}
