import { VERBS } from '../bot/teams/cards/actions';
import { LEVELS } from '../bot/domain/levels';
import { RATINGS } from '../bot/domain/ratings';
import { cardAction, person, TEAM } from '../tests/support/teamsActivities';

/**
 * The people of the burst: each a distinct Teams user (from.id and Entra object id),
 * pressing "Submit answer" on one condition card in the team's channel, with a rating, a
 * level and a short comment. Activity shapes: tests/support/teamsActivities.ts, as the tests use.
 */
export function answersFromStaff(options: { serviceUrl: string; roundId: string; conditionId: string; count: number; firstPerson: number }): unknown[] {
  return Array.from({ length: options.count }, (_, i) => {
    const n = options.firstPerson + i;
    return cardAction(options.serviceUrl, person(`Staff member ${n}`, n), VERBS.answer, {
      roundId: options.roundId,
      teamId: TEAM.id,
      conditionId: options.conditionId,
      via: 'channel',
      rating: RATINGS[i % RATINGS.length]!.id,
      level: LEVELS[i % LEVELS.length]!.id,
      // No number in it: a run of six or more digits reads as a case or record number (issue 12), and is refused.
      comment: `Supervision happens, but not always, says staff member ${n % 1000}.`,
    });
  });
}
