import fc from 'fast-check';
import { CONDITIONS, type ConditionId } from '../../../bot/domain/conditions';
import { roundReport } from '../../../bot/domain/export/roundReport';
import { LEVELS, type LevelId } from '../../../bot/domain/levels';
import { knownTeamSize } from '../../../bot/domain/responseRate';
import type { RoundSummary } from '../../../bot/domain/summary/roundSummary';
import { summariseRound } from '../../../bot/domain/summary/summariseRound';
import { answersOf, LEVEL_NAMES, roundArbitrary, truthOf } from '../../support/randomRounds';
import { action } from './reportFixture';

/**
 * The attacker's test for the Word report (issue 11): whatever a round's answers, the report names
 * a level beside a condition only where that level is shown with a score for that condition
 * (enough answers and enough ratings other than "don't know", counted here from the answers, and
 * not hidden or withheld to protect a smaller level), and names a level among the people who
 * answered only where enough of them did. The report's words are checked, not its inputs.
 */
const PLAN = [action('C04', 'Monthly reflective sessions', { owner: 'Principal social worker' })];

/** A text with the conditions' own words (which name practitioners, administrators, volunteers) taken out, lower case. */
const withoutConditions = (text: string) => CONDITIONS.reduce((rest, c) => rest.split(c.text).join(''), text).toLowerCase();
const levelsNamedIn = (text: string): LevelId[] => LEVELS.filter(({ id }) => LEVEL_NAMES[id].test(withoutConditions(text))).map(({ id }) => id);

/** Shown with a score for the condition: not hidden, not withheld. */
function scoredIn(summary: RoundSummary, conditionId: ConditionId, level: LevelId): boolean {
  const cell = summary.conditions.find((c) => c.conditionId === conditionId)!.byLevel[level];
  return cell.shown && cell.withheld === undefined && cell.score !== null;
}

describe('the Word report within the privacy rules', () => {
  it('for random rounds, names no level beside a condition, or among the people who answered, that is too small to show or hidden to protect another', () => {
    const seen = { levelsNamedInRows: 0, hiddenBesideNamed: 0, levelsNamedAmongPeople: 0, disagreementsListed: 0 };
    fc.assert(
      fc.property(roundArbitrary, (round) => {
        const answers = answersOf(round);
        const truth = truthOf(answers);
        const summary = summariseRound(answers, round.threshold);
        const report = roundReport({
          teamName: 'North',
          round: { number: 2, status: 'closed', openedAt: '2027-02-01T09:00:00Z', closedAt: '2027-03-01T09:00:00Z' },
          summary,
          teamSize: knownTeamSize(90),
          plan: { actions: PLAN, asOf: 'now', at: '2027-03-10T10:00:00Z' },
          evidence: [],
          generatedAt: new Date('2027-03-10T10:00:00Z'),
        });
        const mayBeNamed = (conditionId: ConditionId, level: LevelId) => {
          expect([conditionId, level, truth(conditionId, level).answers >= round.threshold, truth(conditionId, level).judged >= round.threshold, scoredIn(summary, conditionId, level)])
            .toEqual([conditionId, level, true, true, true]);
        };

        // Appendix 2: what happens now, in each condition's row.
        for (const row of report.rows) {
          const named = levelsNamedIn([row.figures, row.byLevel ?? '', row.disagreement ?? ''].join('\n'));
          for (const level of named) mayBeNamed(row.condition.id, level);
          seen.levelsNamedInRows += named.length;
          if (named.length > 0 && LEVELS.some(({ id }) => !named.includes(id) && truth(row.condition.id, id).answers > 0)) seen.hiddenBesideNamed += 1;
        }
        // Ofsted's questions: each listed item is about one condition ("Condition 6, …: …").
        const [quality, howWeKnow] = report.ofsted;
        for (const block of quality!.blocks) {
          if (!('list' in block)) continue;
          for (const item of block.list) {
            const condition = CONDITIONS.find((c) => item.startsWith(`Condition ${c.number}, ${c.text}:`))!;
            const named = levelsNamedIn(item);
            for (const level of named) mayBeNamed(condition.id, level);
            if (named.length > 0) seen.disagreementsListed += 1;
          }
        }
        const people = new Map<LevelId, Set<string>>();
        for (const a of answers) people.set(a.level, (people.get(a.level) ?? new Set()).add(a.respondentId));
        for (const block of howWeKnow!.blocks) {
          if (!('paragraph' in block) || !block.paragraph.startsWith('People who answered, by level:')) continue;
          for (const level of levelsNamedIn(block.paragraph.split('.')[0]!)) {
            expect(people.get(level)?.size ?? 0).toBeGreaterThanOrEqual(round.threshold);
            expect(summary.respondentsByLevel[level]?.shown).toBe(true);
            seen.levelsNamedAmongPeople += 1;
          }
        }
      }),
      { numRuns: 150, seed: 20270310 },
    );
    // The runs met what the rule is about.
    expect(seen.levelsNamedInRows).toBeGreaterThan(300);
    expect(seen.hiddenBesideNamed).toBeGreaterThan(100);
    expect(seen.levelsNamedAmongPeople).toBeGreaterThan(100);
    expect(seen.disagreementsListed).toBeGreaterThan(50);
  });
});
