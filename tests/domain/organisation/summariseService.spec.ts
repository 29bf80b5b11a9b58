import { CONDITIONS } from '../../../bot/domain/conditions';
import type { LevelId } from '../../../bot/domain/levels';
import { compareServiceRounds } from '../../../bot/domain/organisation/compareServiceRounds';
import { planOverview } from '../../../bot/domain/organisation/planOverview';
import type { TeamRoundCounts } from '../../../bot/domain/organisation/serviceSummary';
import { summariseService } from '../../../bot/domain/organisation/summariseService';
import type { PlanAction } from '../../../bot/domain/plan';
import type { RatingId } from '../../../bot/domain/ratings';
import { RoundTallies } from '../../../bot/domain/summary';

/** Hand-made organisations (threshold 5): what the organisation view counts, leaves out and hides. */
type Group = readonly [level: LevelId, rating: RatingId, people: number];
let people = 0;
function team(teamName: string, groups: readonly Group[], conditions = CONDITIONS.map((c) => c.id).slice(0, 1)): TeamRoundCounts {
  const tallies = new RoundTallies();
  for (const [level, rating, n] of groups) {
    for (let i = 0; i < n; i++) {
      const respondentId = `person-${people++}`;
      for (const conditionId of conditions) tallies.record({ respondentId, conditionId, level, rating, comment: '', answeredAt: '2027-03-01T09:00:00.000Z' });
    }
  }
  return { teamId: teamName.toLowerCase().replace(/\W+/g, '-'), teamName, counts: tallies };
}
const c01 = (summary: ReturnType<typeof summariseService>) => ({
  cell: summary.organisation.conditions[0]!,
  coverage: summary.coverage[0]!,
});

describe('summariseService', () => {
  it('leaves a tiny team out of the all-teams figures, so the total less the teams shown gives nothing of it', () => {
    const summary = summariseService([team('North', [['practitioner', 'fully', 10], ['practitioner', 'partly', 10]]), team('Tiny', [['practitioner', 'not-in-place', 3]])], 5);
    const { cell, coverage } = c01(summary);
    expect(cell.allStaff).toMatchObject({ shown: true, answers: 20, distribution: { 'not-in-place': 0, partly: 10, fully: 10 } });
    expect(cell.byLevel.practitioner).toMatchObject({ shown: true, answers: 20 });
    expect(coverage).toEqual({ conditionId: 'C01', teamsCounted: 1, teamsLeftOut: 1, answersWithoutLevel: 0 });
    expect(summary.byTeam.find((t) => t.teamName === 'Tiny')!.conditions.C01).toEqual({ shown: false, reason: 'too-small' });
    // Participation is never hidden: the team's respondents are listed.
    expect(summary.teams.map((t) => [t.teamName, t.respondents])).toEqual([['North', 20], ['Tiny', 3]]);
  });

  it('never adds a level hidden within its team into that level across teams (a senior leader of one, and the level hidden to protect them)', () => {
    const summary = summariseService([
      team('Alpha', [['practitioner', 'mostly', 10], ['supervisor', 'partly', 6], ['senior-leader', 'not-in-place', 1]]),
      team('Beta', [['senior-leader', 'fully', 6], ['practitioner', 'mostly', 5]]),
    ], 5);
    const { cell, coverage } = c01(summary);
    expect(cell.byLevel['senior-leader']).toMatchObject({ shown: true, answers: 6, distribution: { fully: 6, 'not-in-place': 0 } });
    // Alpha's supervisors are hidden to protect its senior leader: no supervisor is counted anywhere, and the level is hidden.
    expect(cell.byLevel.supervisor).toEqual({ shown: false, reason: 'too-small' });
    expect(cell.byLevel.practitioner).toMatchObject({ shown: true, answers: 15 });
    expect(cell.allStaff).toMatchObject({ shown: true, answers: 28 });
    expect(coverage).toMatchObject({ teamsCounted: 2, teamsLeftOut: 0, answersWithoutLevel: 7 });
    expect(summary.organisation.respondentsByLevel['senior-leader']).toEqual({ shown: true, count: 6 });
  });

  it('counts two tiny teams together once they hold at least the threshold, answers and judgements', () => {
    const summary = summariseService([
      team('North', [['practitioner', 'fully', 20]]),
      team('Small one', [['practitioner', 'not-in-place', 3]]),
      team('Small two', [['supervisor', 'partly', 3]]),
    ], 5);
    const { cell, coverage } = c01(summary);
    expect(cell.allStaff).toMatchObject({ shown: true, answers: 26, distribution: { fully: 20, 'not-in-place': 3, partly: 3 } });
    expect(coverage).toEqual({ conditionId: 'C01', teamsCounted: 3, teamsLeftOut: 0, answersWithoutLevel: 6 });
    // Their levels stay hidden: each is hidden in its own team.
    expect(cell.byLevel.practitioner).toMatchObject({ answers: 20 });
    expect(cell.byLevel.supervisor).toEqual({ shown: false, reason: 'too-small' });
  });

  it('leaves the rest out when its judgements are too few, though its answers are enough (a team of "don\'t know" and one rating)', () => {
    const summary = summariseService([
      team('North', [['practitioner', 'fully', 20]]),
      team('Unsure', [['practitioner', 'dont-know', 9], ['practitioner', 'not-in-place', 1]]),
    ], 5);
    const { cell, coverage } = c01(summary);
    expect(summary.byTeam.find((t) => t.teamName === 'Unsure')!.conditions.C01).toEqual({ shown: true, answers: 10, dontKnow: 9, score: null, dontKnowShare: 0.9, withheld: 'too-few-judgements' });
    expect(cell.allStaff).toMatchObject({ answers: 20, distribution: { 'not-in-place': 0 } });
    expect(coverage.teamsLeftOut).toBe(1);
  });

  it('shows a level as empty only when every team that answered shows it empty; else hides it', () => {
    const both = summariseService([team('North', [['practitioner', 'fully', 8]]), team('South', [['practitioner', 'partly', 8]])], 5);
    expect(c01(both).cell.byLevel.volunteer).toEqual({ shown: true, answers: 0, distribution: { 'not-in-place': 0, partly: 0, mostly: 0, fully: 0, 'dont-know': 0 }, score: null, dontKnowShare: 0 });
    const oneHidden = summariseService([team('North', [['practitioner', 'fully', 8]]), team('South', [['practitioner', 'partly', 8], ['volunteer', 'fully', 2]])], 5);
    expect(c01(oneHidden).cell.byLevel.volunteer).toEqual({ shown: false, reason: 'too-small' });
    // A condition nobody answered is hidden, as in a team's grid.
    expect(both.organisation.conditions[1]!.allStaff).toEqual({ shown: false, reason: 'too-small' });
  });

  it('gives sensible figures for 50 teams of 300 staff: every answer counted, scores the mean of every rating', () => {
    const ratings: RatingId[] = ['not-in-place', 'partly', 'mostly', 'fully', 'dont-know'];
    const levels: LevelId[] = ['practitioner', 'practitioner', 'practitioner', 'supervisor', 'service-manager', 'business-support'];
    const teams = Array.from({ length: 50 }, (_, t) => team(`Team ${String(t).padStart(2, '0')}`, levels.flatMap((level, l) => ratings.map((rating, r): Group => [level, rating, 10 + ((t + l + r) % 3)])), CONDITIONS.map((c) => c.id)));
    const summary = summariseService(teams, 5);
    expect(summary.teams).toHaveLength(50);
    expect(summary.organisation.respondents).toBe(teams.reduce((sum, t) => sum + t.counts.respondents, 0));
    expect(summary.organisation.respondents).toBeGreaterThan(15_000);
    for (const condition of summary.organisation.conditions) {
      expect(condition.allStaff).toMatchObject({ shown: true, answers: summary.organisation.respondents });
      const coverage = summary.coverage.find((c) => c.conditionId === condition.conditionId)!;
      expect(coverage).toMatchObject({ teamsCounted: 50, teamsLeftOut: 0, answersWithoutLevel: 0 });
      const cell = condition.allStaff;
      if (!cell.shown || cell.distribution === null) throw new Error('hidden');
      const d = cell.distribution;
      expect(cell.score).toBeCloseTo((d.partly + 2 * d.mostly + 3 * d.fully) / (d['not-in-place'] + d.partly + d.mostly + d.fully), 12);
      expect(cell.dontKnowShare).toBeCloseTo(d['dont-know'] / cell.answers, 12);
    }
    expect(summary.byTeam.map((t) => t.teamName)).toEqual(teams.map((t) => t.teamName));
  });
});

describe('compareServiceRounds', () => {
  it('compares the organisation and each team shown with a score in both rounds; null for a team new since, or hidden in either', () => {
    const before = summariseService([team('North', [['practitioner', 'partly', 10]]), team('South', [['practitioner', 'fully', 3]])], 5);
    const after = summariseService([team('North', [['practitioner', 'fully', 10]]), team('South', [['practitioner', 'fully', 8]]), team('West', [['practitioner', 'fully', 8]])], 5);
    const changes = compareServiceRounds(before, 2, after);
    expect(changes.previousNumber).toBe(2);
    expect(changes.organisation[0]!.allStaff).toEqual({ before: 1, after: 3, change: 2, direction: 'up' });
    expect(changes.byTeam.map((t) => [t.teamName, t.conditions.C01])).toEqual([
      ['North', { before: 1, after: 3, change: 2, direction: 'up' }],
      ['South', null],
      ['West', null],
    ]);
  });
});

describe('planOverview', () => {
  const action = (conditionId: 'C01' | 'C02', status: PlanAction['status'], dueDate: string | null): PlanAction => ({
    actionId: `${conditionId}-${status}-${dueDate}`, conditionId, need: 'n', progress: '', owner: 'Someone', ownerMember: null, dueDate, status,
    createdAt: '2027-01-01T00:00:00Z', createdInRoundId: null, doneAt: null, updatedAt: '2027-01-01T00:00:00Z', updatedBy: 'x', notes: [], statusHistory: [], version: '1',
  });
  it('counts each condition\'s actions, done and overdue (not done, due before today), every condition present', () => {
    const overview = planOverview({ teamId: 't', teamName: 'North' }, [action('C01', 'done', '2027-01-01'), action('C01', 'in-progress', '2027-02-28'), action('C01', 'not-started', '2027-03-01'), action('C02', 'not-started', null)], '2027-03-01');
    expect(overview.conditions.C01).toEqual({ actions: 3, done: 1, overdue: 1 });
    expect(overview.conditions.C02).toEqual({ actions: 1, done: 0, overdue: 0 });
    expect(overview.conditions.C12).toEqual({ actions: 0, done: 0, overdue: 0 });
    expect(Object.keys(overview.conditions)).toHaveLength(12);
  });
});
