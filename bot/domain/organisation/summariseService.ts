import { CONDITIONS, type ConditionId } from '../conditions';
import { LEVELS, type LevelId } from '../levels';
import type { CountCell } from '../privacy';
import { assertPrivacyThreshold } from '../summary/privacyThreshold';
import { disagreementOf } from '../summary/disagreement';
import { addTally, emptyTally, judgedIn, shownCell, tallyTotal } from '../summary/ratingTally';
import type { CellScore, CellSummary, ConditionSummary, RoundSummary } from '../summary/roundSummary';
import { summariseTallies } from '../summary/summariseRound';
import type { ConditionCoverage, ServiceSummary, TeamConditions, TeamRoundCounts } from './serviceSummary';

/** One team as the organisation reads it: its counts, and its own view (what its members can read). */
interface TeamPart {
  readonly team: TeamRoundCounts;
  readonly own: RoundSummary;
}

const TOO_SMALL: CellSummary = { shown: false, reason: 'too-small' };

/**
 * The organisation's figures for a service-wide round (issue 13), from each team's round's fixed
 * counts, following the "published parts" rule of serviceSummary.ts. Each team's own view is
 * summariseTallies of its counts (exactly what its members read); the organisation adds up only
 * what those views show:
 *
 * - all teams: the teams whose all-staff cut is shown with its judgements (a distribution), and
 *   the rest (teams hidden, or shown with judgements withheld) only when the rest holds at least
 *   `privacyThreshold` answers, none or at least the threshold of judgements, and the answers of
 *   its teams hidden whole are none or at least the threshold (the withheld teams' answers are
 *   shown in their views: less those, the hidden teams' sum must still be a group). Otherwise the
 *   rest is left out, and the coverage counts its teams (`teamsLeftOut`, teams with answers only).
 * - a level: the level cuts of the counted teams whose own view shows them with a distribution.
 *   A left-out team's levels are left out too, so the levels never count answers the all-teams
 *   cut does not, and `answersWithoutLevel` (all teams' answers less the levels') is never negative.
 *
 * Each team's shown cut has none or at least the threshold of answers and of judgements, so each
 * sum does too: the organisation's cells need no suppression of their own. A cell with no answer
 * counted is hidden (`too-small`), as a small team's condition hides even its empty levels,
 * unless every team that answered the condition counted and shows it empty: then it is truly
 * empty and shown as such (nothing hidden lies behind the zero). `respondentsByLevel` follows the
 * same rule over the teams' shown counts of people. Teams in name order (en-GB).
 *
 * @throws AuditError CONFIG_INVALID for a threshold below 1 (assertPrivacyThreshold).
 */
export function summariseService(teams: readonly TeamRoundCounts[], privacyThreshold: number): ServiceSummary {
  assertPrivacyThreshold(privacyThreshold);
  const parts: TeamPart[] = [...teams]
    .sort((a, b) => a.teamName.localeCompare(b.teamName, 'en-GB') || a.teamId.localeCompare(b.teamId))
    .map((team) => ({ team, own: summariseTallies(team.counts, privacyThreshold) }));
  const conditions = CONDITIONS.map(({ id }) => organisationCondition(id, parts, privacyThreshold));
  return {
    privacyThreshold,
    teams: parts.map(({ team }) => ({ teamId: team.teamId, teamName: team.teamName, respondents: team.counts.respondents })),
    organisation: {
      privacyThreshold,
      respondents: parts.reduce((sum, { team }) => sum + team.counts.respondents, 0),
      respondentsByLevel: respondentsByLevel(parts),
      conditions: conditions.map((c) => c.summary),
    },
    coverage: conditions.map((c) => c.coverage),
    byTeam: parts.map(teamConditions),
  };
}

function organisationCondition(conditionId: ConditionId, parts: readonly TeamPart[], threshold: number): { summary: ConditionSummary; coverage: ConditionCoverage } {
  const ofTeam = parts.map(({ team, own }) => {
    const tallies = team.counts.tallies(conditionId);
    const total = emptyTally();
    for (const tally of tallies.values()) addTally(total, tally);
    return { tallies, total, view: own.conditions.find((c) => c.conditionId === conditionId)! };
  });
  const answered = ofTeam.filter((t) => tallyTotal(t.total) > 0);
  const withDistribution = (cell: CellSummary) => cell.shown && cell.distribution !== null;
  const shown = answered.filter((t) => withDistribution(t.view.allStaff));
  const rest = answered.filter((t) => !withDistribution(t.view.allStaff));

  const restTally = emptyTally();
  for (const t of rest) addTally(restTally, t.total);
  const hiddenWhole = rest.filter((t) => !t.view.allStaff.shown).reduce((sum, t) => sum + tallyTotal(t.total), 0);
  const group = (n: number) => n === 0 || n >= threshold;
  const restCounts = rest.length > 0 && tallyTotal(restTally) >= threshold && group(judgedIn(restTally)) && group(hiddenWhole);
  const counted = restCounts ? answered : shown;

  const allTeams = emptyTally();
  for (const t of counted) addTally(allTeams, t.total);
  const byLevel = {} as Record<LevelId, CellSummary>;
  let levelAnswers = 0;
  for (const { id } of LEVELS) {
    const showing = counted.filter((t) => withDistribution(t.view.byLevel[id]));
    const tally = emptyTally();
    for (const t of showing) addTally(tally, t.tallies.get(id) ?? emptyTally());
    levelAnswers += tallyTotal(tally);
    const trulyEmpty = answered.length > 0 && showing.length === answered.length;
    byLevel[id] = tallyTotal(tally) > 0 || trulyEmpty ? shownCell(tally) : TOO_SMALL;
  }
  const answers = tallyTotal(allTeams);
  return {
    summary: { conditionId, allStaff: answers > 0 ? shownCell(allTeams) : TOO_SMALL, byLevel, disagreement: disagreementOf(byLevel) },
    coverage: { conditionId, teamsCounted: counted.length, teamsLeftOut: answered.length - counted.length, answersWithoutLevel: answers - levelAnswers },
  };
}

/** People by level: the sum of the teams' shown counts; hidden where no team shows one, unless every team with people shows it as none. */
function respondentsByLevel(parts: readonly TeamPart[]): Record<LevelId, CountCell> {
  const answered = parts.filter(({ team }) => team.counts.respondents > 0);
  const record = {} as Record<LevelId, CountCell>;
  for (const { id } of LEVELS) {
    const cells = answered.map(({ own }) => own.respondentsByLevel[id]).filter((cell) => cell.shown);
    const count = cells.reduce((sum, cell) => sum + cell.count, 0);
    record[id] = count > 0 || (answered.length > 0 && cells.length === answered.length) ? { shown: true, count } : { shown: false, reason: 'too-small' };
  }
  return record;
}

function teamConditions({ team, own }: TeamPart): TeamConditions {
  const conditions = {} as Record<ConditionId, CellScore>;
  for (const c of own.conditions) conditions[c.conditionId] = cellScoreOf(c.allStaff);
  return { teamId: team.teamId, teamName: team.teamName, conditions };
}

/** A team's cell as its column shows it: the cell without its distribution. */
export function cellScoreOf(cell: CellSummary): CellScore {
  if (!cell.shown) return { shown: false, reason: cell.reason };
  if (cell.withheld) return { shown: true, answers: cell.answers, dontKnow: cell.dontKnow, score: null, dontKnowShare: cell.dontKnowShare, withheld: cell.withheld };
  return { shown: true, answers: cell.answers, score: cell.score, dontKnowShare: cell.dontKnowShare };
}
