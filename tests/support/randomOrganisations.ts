import fc from 'fast-check';
import { CONDITIONS } from '../../bot/domain/conditions';
import { LEVELS, type LevelId } from '../../bot/domain/levels';
import type { TeamRoundCounts } from '../../bot/domain/organisation/serviceSummary';
import { RATINGS, type RatingId } from '../../bot/domain/ratings';
import { RoundTallies } from '../../bot/domain/summary';
import { seededRandom } from '../domain/summary/fixtures';

/**
 * Random organisations for the cross-team attacker (issue 13): 2 to 12 teams, some tiny (1 to 4
 * people), some small, some large; each with its own mix of levels (some absent, some of one or
 * two people) and its own leaning to "don't know", so that within a team some levels are hidden,
 * some shown with their judgements withheld, and some whole teams are hidden.
 */
const rating = fc.constantFrom<RatingId>(...RATINGS.map((r) => r.id));
const teamArbitrary = fc.record({
  size: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 14 }), fc.integer({ min: 15, max: 60 })),
  /** Each level's weight in the team: 0 (none of them), 1 (a few) to 10. */
  levelWeights: fc.array(fc.oneof(fc.constant(0), fc.constant(1), fc.integer({ min: 0, max: 10 })), { minLength: LEVELS.length, maxLength: LEVELS.length }),
  /** Out of 10: how often the team says "don't know". */
  dontKnow: fc.integer({ min: 0, max: 10 }),
  leaning: fc.array(rating, { minLength: CONDITIONS.length, maxLength: CONDITIONS.length }),
  seed: fc.integer({ min: 0, max: 2 ** 30 }),
});
export const organisationArbitrary = fc.record({
  threshold: fc.integer({ min: 3, max: 10 }),
  teams: fc.array(teamArbitrary, { minLength: 2, maxLength: 12 }),
});
export type RandomOrganisation = typeof organisationArbitrary extends fc.Arbitrary<infer R> ? R : never;


/** Each team's counts, as its closed round keeps them, counted from its people's answers. */
export function teamsOf(organisation: RandomOrganisation): TeamRoundCounts[] {
  return organisation.teams.map((team, t) => {
    const random = seededRandom(team.seed);
    const weights = team.levelWeights.some((w) => w > 0) ? team.levelWeights : [1, ...team.levelWeights.slice(1)];
    const total = weights.reduce((a, b) => a + b, 0);
    const levelOf = (): LevelId => {
      let pick = random() * total;
      for (let i = 0; i < LEVELS.length; i++) if ((pick -= weights[i]!) < 0) return LEVELS[i]!.id;
      return LEVELS[0]!.id;
    };
    const tallies = new RoundTallies();
    for (let p = 0; p < team.size; p++) {
      const level = levelOf();
      CONDITIONS.forEach((condition, c) => {
        if (random() < 0.15) return;
        const r = random() * 10 < team.dontKnow ? 'dont-know' : random() < 0.6 ? team.leaning[c]! : RATINGS[Math.floor(random() * 4)]!.id;
        tallies.record({ respondentId: `t${t}-p${p}`, conditionId: condition.id, level, rating: r, comment: '', answeredAt: '2027-03-01T09:00:00.000Z' });
      });
    }
    return { teamId: `team-${t}`, teamName: `Team ${String.fromCharCode(65 + ((t * 7) % 26))}${t}`, counts: tallies };
  });
}
