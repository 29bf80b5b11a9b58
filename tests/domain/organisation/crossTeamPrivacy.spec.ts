import fc from 'fast-check';
import { CONDITIONS, type ConditionId } from '../../../bot/domain/conditions';
import { LEVELS } from '../../../bot/domain/levels';
import type { ServiceSummary, TeamRoundCounts } from '../../../bot/domain/organisation/serviceSummary';
import { summariseService } from '../../../bot/domain/organisation/summariseService';
import { RATINGS, type RatingId } from '../../../bot/domain/ratings';
import { summariseTallies, type CellSummary, type RoundSummary } from '../../../bot/domain/summary';
import { organisationArbitrary, teamsOf } from '../../support/randomOrganisations';

/**
 * The attacker of issue 13: someone in every team, who reads every team's own view (what its
 * members read: summariseTallies of its round's counts) and the organisation view, and subtracts.
 * Whatever they subtract, they may learn only sums over hidden parts of at least the threshold.
 */
type Counts = Record<RatingId, number>;
const zero = (): Counts => ({ 'not-in-place': 0, partly: 0, mostly: 0, fully: 0, 'dont-know': 0 });
const withDistribution = (cell: CellSummary): cell is Extract<CellSummary, { distribution: Readonly<Counts> }> => cell.shown && cell.distribution !== null;
const judged = (counts: Counts) => counts['not-in-place'] + counts.partly + counts.mostly + counts.fully;
const answersOf = (counts: Counts) => judged(counts) + counts['dont-know'];
const minus = (from: Readonly<Counts>, less: readonly Readonly<Counts>[]): Counts => {
  const left = { ...from };
  for (const counts of less) for (const { id } of RATINGS) left[id] -= counts[id];
  return left;
};

interface Read {
  readonly threshold: number;
  readonly views: readonly { readonly teamId: string; readonly own: RoundSummary }[];
  readonly organisation: ServiceSummary;
}

function read(teams: readonly TeamRoundCounts[], threshold: number): Read {
  return { threshold, views: teams.map((team) => ({ teamId: team.teamId, own: summariseTallies(team.counts, threshold) })), organisation: summariseService(teams, threshold) };
}
const cellOf = (own: RoundSummary, conditionId: ConditionId) => own.conditions.find((c) => c.conditionId === conditionId)!;
const isGroup = (n: number, threshold: number) => n === 0 || n >= threshold;

/** Which teams the organisation's all-teams cut counts, as the attacker works it out: every team that answered when none is left out, else those shown with a distribution. */
function countedTeams({ views, organisation }: Read, conditionId: ConditionId) {
  const coverage = organisation.coverage.find((c) => c.conditionId === conditionId)!;
  return views.filter(({ own }) => {
    const all = cellOf(own, conditionId).allStaff;
    return coverage.teamsLeftOut === 0 ? true : withDistribution(all);
  });
}

/** (a) The all-teams cut less the teams shown leaves nothing, or a group of at least the threshold (in answers and in judgements), never one small team. */
function allTeamsLessShownTeams(r: Read): void {
  for (const { id } of CONDITIONS) {
    const all = r.organisation.organisation.conditions.find((c) => c.conditionId === id)!.allStaff;
    if (!all.shown) continue;
    expect(all.distribution).not.toBeNull();
    const whole = all.distribution!;
    const shownTeams = r.views.map(({ own }) => cellOf(own, id).allStaff).filter(withDistribution).map((cell) => cell.distribution);
    const rest = minus(whole, shownTeams);
    expect({ id, answers: isGroup(answersOf(rest), r.threshold), judged: isGroup(judged(rest), r.threshold) }).toEqual({ id, answers: true, judged: true });
    for (const { id: rating } of RATINGS) expect(rest[rating]).toBeGreaterThanOrEqual(0);
    // Less also what the teams shown without their judgements show (their answers, their "don't know"): what is left is the teams hidden whole.
    if (answersOf(rest) === 0) continue;
    const withheld = r.views.map(({ own }) => cellOf(own, id).allStaff).filter((cell) => cell.shown && cell.distribution === null);
    const hiddenTeamsAnswers = answersOf(rest) - withheld.reduce((sum, cell) => sum + (cell.shown ? cell.answers : 0), 0);
    expect({ id, hiddenTeams: isGroup(hiddenTeamsAnswers, r.threshold) }).toEqual({ id, hiddenTeams: true });
  }
}

/** (b) Each level across teams less that level in every counted team's view that shows it is nothing: no hidden level is added in. */
function levelsAddOnlyShownLevels(r: Read): void {
  for (const { id } of CONDITIONS) {
    const organisation = r.organisation.organisation.conditions.find((c) => c.conditionId === id)!;
    const counted = countedTeams(r, id);
    for (const { id: level } of LEVELS) {
      const cell = organisation.byLevel[level];
      if (!cell.shown) continue;
      expect(cell.distribution).not.toBeNull();
      const shown = counted.map(({ own }) => cellOf(own, id).byLevel[level]).filter(withDistribution).map((c) => c.distribution);
      expect({ id, level, left: minus(cell.distribution!, shown) }).toEqual({ id, level, left: zero() });
    }
  }
}

/** (c) All teams = the levels shown + the answers without a level; and those without a level, less what the teams show of them, are nothing or a group. */
function answersWithoutLevelAddUp(r: Read): void {
  for (const { id } of CONDITIONS) {
    const organisation = r.organisation.organisation.conditions.find((c) => c.conditionId === id)!;
    const coverage = r.organisation.coverage.find((c) => c.conditionId === id)!;
    const levels = LEVELS.reduce((sum, { id: level }) => {
      const cell = organisation.byLevel[level];
      return sum + (cell.shown ? cell.answers : 0);
    }, 0);
    const all = organisation.allStaff.shown ? organisation.allStaff.answers : 0;
    expect({ id, all: all - levels - coverage.answersWithoutLevel }).toEqual({ id, all: 0 });
    expect(coverage.answersWithoutLevel).toBeGreaterThanOrEqual(0);
    if (!organisation.allStaff.shown) expect(LEVELS.every(({ id: level }) => !organisation.byLevel[level].shown)).toBe(true);
    // What the counted teams' views show of their answers outside the levels added up (levels shown with judgements withheld).
    const shownOutside = countedTeams(r, id).reduce((sum, { own }) => {
      const cells = cellOf(own, id);
      return sum + LEVELS.reduce((n, { id: level }) => {
        const cell = cells.byLevel[level];
        return n + (cell.shown && cell.distribution === null ? cell.answers : 0);
      }, 0);
    }, 0);
    expect({ id, unknown: isGroup(coverage.answersWithoutLevel - shownOutside, r.threshold) }).toEqual({ id, unknown: true });
  }
}

/** People by level across teams less the teams' shown counts: nothing. */
function peopleByLevelAddOnlyShown(r: Read): void {
  for (const { id: level } of LEVELS) {
    const cell = r.organisation.organisation.respondentsByLevel[level];
    if (!cell.shown) continue;
    const shown = r.views.reduce((sum, { own }) => {
      const team = own.respondentsByLevel[level];
      return sum + (team.shown ? team.count : 0);
    }, 0);
    expect({ level, left: cell.count - shown }).toEqual({ level, left: 0 });
  }
}

/** Each team's column is exactly its own all-staff cut, less the distribution: no figure its own view does not show. */
function teamColumnsAreTheirOwnViews(r: Read): void {
  for (const { teamId, own } of r.views) {
    const column = r.organisation.byTeam.find((t) => t.teamId === teamId)!;
    for (const condition of own.conditions) {
      const { allStaff } = condition;
      const cell = column.conditions[condition.conditionId];
      if (!allStaff.shown) expect(cell).toEqual({ shown: false, reason: allStaff.reason });
      else if (allStaff.withheld) expect(cell).toEqual({ shown: true, answers: allStaff.answers, dontKnow: allStaff.dontKnow, score: null, dontKnowShare: allStaff.dontKnowShare, withheld: allStaff.withheld });
      else expect(cell).toEqual({ shown: true, answers: allStaff.answers, score: allStaff.score, dontKnowShare: allStaff.dontKnowShare });
    }
  }
}

describe('the cross-team attacker, reading every team view and the organisation view', () => {
  it('learns nothing beyond the teams\' own views but sums over hidden parts of at least the threshold', () => {
    const seen = { teamsLeftOut: 0, hiddenTeamsCounted: 0, answersWithoutLevel: 0 };
    fc.assert(
      fc.property(organisationArbitrary, (organisation) => {
        const r = read(teamsOf(organisation), organisation.threshold);
        allTeamsLessShownTeams(r);
        levelsAddOnlyShownLevels(r);
        answersWithoutLevelAddUp(r);
        peopleByLevelAddOnlyShown(r);
        teamColumnsAreTheirOwnViews(r);
        for (const coverage of r.organisation.coverage) {
          if (coverage.teamsLeftOut > 0) seen.teamsLeftOut += 1;
          if (coverage.answersWithoutLevel > 0) seen.answersWithoutLevel += 1;
          const hidden = r.views.filter(({ own }) => !cellOf(own, coverage.conditionId).allStaff.shown && own.respondents > 0);
          if (coverage.teamsLeftOut === 0 && hidden.length > 0) seen.hiddenTeamsCounted += 1;
        }
      }),
      { numRuns: 300 },
    );
    // The organisations drawn did put the rule to work: rests left out, hidden teams counted together, levels hidden within teams.
    expect(seen.teamsLeftOut).toBeGreaterThan(0);
    expect(seen.hiddenTeamsCounted).toBeGreaterThan(0);
    expect(seen.answersWithoutLevel).toBeGreaterThan(0);
  });

  it('reads the same figures twice, whatever order the teams come in (no second read to difference)', () => {
    fc.assert(
      fc.property(organisationArbitrary, fc.integer({ min: 0, max: 1000 }), (organisation, shift) => {
        const teams = teamsOf(organisation);
        const first = summariseService(teams, organisation.threshold);
        expect(summariseService(teams, organisation.threshold)).toEqual(first);
        const turned = teams.map((_, i) => teams[(i + shift) % teams.length]!);
        expect(summariseService(turned, organisation.threshold)).toEqual(first);
      }),
      { numRuns: 50 },
    );
  });

  it('counts every answer of every team that answered, or says how many teams it left out', () => {
    fc.assert(
      fc.property(organisationArbitrary, (organisation) => {
        const teams = teamsOf(organisation);
        const summary = summariseService(teams, organisation.threshold);
        for (const coverage of summary.coverage) {
          const answered = teams.filter((team) => [...team.counts.tallies(coverage.conditionId).values()].some((t) => answersOf(t) > 0));
          expect(coverage.teamsCounted + coverage.teamsLeftOut).toBe(answered.length);
          const all = summary.organisation.conditions.find((c) => c.conditionId === coverage.conditionId)!.allStaff;
          const truth = answered.reduce((sum, team) => sum + [...team.counts.tallies(coverage.conditionId).values()].reduce((n, t) => n + answersOf(t), 0), 0);
          if (coverage.teamsLeftOut === 0 && truth > 0) expect(all).toMatchObject({ shown: true, answers: truth });
        }
      }),
      { numRuns: 100 },
    );
  });
});
