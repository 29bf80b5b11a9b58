import type { ConditionId } from '../../bot/domain/conditions';
import type { LevelId } from '../../bot/domain/levels';
import type { CountCell } from '../../bot/domain/privacy';
import type { RatingId } from '../../bot/domain/ratings';
import type { CellSummary, ConditionSummary, RoundSummary } from '../../bot/domain/summary/roundSummary';
import { shownDifference } from '../../bot/domain/summary/shownScore';
import type { ParticipationReply } from '../../bot/app/tab/roundSummary';
import { knownTeamSize, type TeamSize } from '../../bot/domain/responseRate';

/**
 * A team's rounds written out by hand against the contract (bot/domain/summary/roundSummary.ts),
 * with the privacy outcomes chosen, not computed. Round 2 (closed, the latest with results): 35
 * people, threshold 5. Senior leaders (3) are too few; service managers (5) are hidden so the
 * senior leaders cannot be worked out from the total; business support gave too few ratings
 * (3 of 6 said "don't know") to be scored. Round 1 (closed): small. Round 3: open, so only its
 * participation is served (its results appear when it closes).
 */
export const TEAM_ID = '19:practice-audit-north@thread.tacv2';
export const CURRENT_ROUND = 'round-3';
export const LATEST_ROUND = 'round-2';
export const FIRST_ROUND = 'round-1';

/** Answers per rating: not in place, partly, mostly, fully, don't know. */
export type Answers = readonly [number, number, number, number, number];
export type Hidden = 'too-small' | 'protects-another' | 'too-few-judgements';
const RATING_ORDER: readonly RatingId[] = ['not-in-place', 'partly', 'mostly', 'fully', 'dont-know'];

export function shownCell(answers: Answers): CellSummary {
  const total = answers.reduce((a, b) => a + b, 0);
  const judged = total - answers[4];
  const points = answers[1] * 1 + answers[2] * 2 + answers[3] * 3;
  const distribution = Object.fromEntries(RATING_ORDER.map((id, i) => [id, answers[i]])) as Record<RatingId, number>;
  return { shown: true, answers: total, distribution, score: judged === 0 ? null : points / judged, dontKnowShare: total === 0 ? 0 : answers[4] / total };
}

const none: Answers = [0, 0, 0, 0, 0];

/** A shown cut whose ratings are too few to score: only its answers and "don't know" count. */
export function withheldCell(answers: Answers): CellSummary {
  const total = answers.reduce((a, b) => a + b, 0);
  return { shown: true, answers: total, distribution: null, dontKnow: answers[4], score: null, dontKnowShare: answers[4] / total, withheld: 'too-few-judgements' };
}

export function conditionSummary(conditionId: ConditionId, byLevel: Record<LevelId, Answers>, hidden: Partial<Record<LevelId, Hidden>>): ConditionSummary {
  const all = Object.values(byLevel).reduce((sum, a) => sum.map((n, i) => n + a[i]!) as unknown as Answers, none);
  const cells = Object.fromEntries(Object.entries(byLevel).map(([level, answers]) => {
    const reason = hidden[level as LevelId];
    if (reason === 'too-few-judgements') return [level, withheldCell(answers)];
    return [level, reason ? { shown: false, reason } : shownCell(answers)];
  })) as Record<LevelId, CellSummary>;
  const scored = Object.entries(cells)
    .flatMap(([level, cell]) => (cell.shown && cell.score !== null ? [{ level: level as LevelId, score: cell.score }] : []))
    .sort((a, b) => b.score - a.score);
  const most = scored[0];
  const least = scored[scored.length - 1];
  return {
    conditionId,
    allStaff: shownCell(all),
    byLevel: cells,
    disagreement: most && least && scored.length >= 2 ? { gap: shownDifference(most.score, least.score), mostPositive: most, leastPositive: least } : null,
  };
}

const USUAL_HIDING: Partial<Record<LevelId, Hidden>> = { 'senior-leader': 'too-small', 'service-manager': 'protects-another', 'business-support': 'too-few-judgements' };

/** Everyone answered C01–C11; C12 had fewer practitioners and supervisors. Senior leaders rate highest. */
function latestRoundConditions(): ConditionSummary[] {
  const rows: ConditionSummary[] = [];
  for (let n = 1; n <= 11; n += 1) {
    const id = `C${String(n).padStart(2, '0')}` as ConditionId;
    const shift = n % 3; // some variety between conditions
    rows.push(conditionSummary(id, {
      practitioner: [3 + shift, 5, 4 - shift, 1, 1],
      supervisor: [1, 2 + shift, 3 - shift, 1, 0],
      'service-manager': [0, 2, 2, 1, 0],
      'senior-leader': [0, 0, 1, 2, 0],
      'business-support': [1, 1, 1, 0, 3],
      'partner-agency': none,
      volunteer: none,
    }, USUAL_HIDING));
  }
  rows.push(conditionSummary('C12', {
    practitioner: [4, 3, 1, 0, 1],
    supervisor: [1, 2, 1, 0, 0],
    'service-manager': [0, 1, 3, 1, 0],
    'senior-leader': [0, 0, 2, 1, 0],
    'business-support': [0, 0, 0, 0, 6],
    'partner-agency': none,
    volunteer: none,
  }, { 'senior-leader': 'too-small', supervisor: 'too-small' }));
  return rows;
}

const people = (count: number): CountCell => ({ shown: true, count });

export function latestRoundSummary(): RoundSummary {
  return {
    privacyThreshold: 5,
    respondents: 35,
    respondentsByLevel: {
      practitioner: people(14),
      supervisor: people(7),
      'service-manager': { shown: false, reason: 'protects-another' },
      'senior-leader': { shown: false, reason: 'too-small' },
      'business-support': people(6),
      'partner-agency': people(0),
      volunteer: people(0),
    },
    conditions: latestRoundConditions(),
  };
}

/** A small first round: only practitioners could be shown. */
export function firstRoundSummary(): RoundSummary {
  const levels: Record<LevelId, Answers> = {
    practitioner: [1, 2, 2, 1, 0], supervisor: [0, 1, 1, 0, 0], 'service-manager': [0, 0, 1, 0, 0],
    'senior-leader': [0, 0, 0, 1, 0], 'business-support': none, 'partner-agency': none, volunteer: none,
  };
  const hidden: Partial<Record<LevelId, Hidden>> = { supervisor: 'too-small', 'service-manager': 'too-small', 'senior-leader': 'too-small', 'business-support': 'protects-another', 'partner-agency': 'protects-another', volunteer: 'protects-another' };
  const conditions = Array.from({ length: 12 }, (_, i) => conditionSummary(`C${String(i + 1).padStart(2, '0')}` as ConditionId, levels, hidden));
  return {
    privacyThreshold: 5,
    respondents: 10,
    respondentsByLevel: {
      practitioner: people(6), supervisor: { shown: false, reason: 'too-small' }, 'service-manager': { shown: false, reason: 'too-small' },
      'senior-leader': { shown: false, reason: 'too-small' }, 'business-support': { shown: false, reason: 'protects-another' },
      'partner-agency': { shown: false, reason: 'protects-another' }, volunteer: { shown: false, reason: 'protects-another' },
    },
    conditions,
  };
}

const TEAM_NAME = 'Children’s Services – North';

export const ROUNDS = [
  { roundId: CURRENT_ROUND, teamName: TEAM_NAME, number: 3, status: 'open' as const, openedAt: '2025-09-08T09:00:00.000Z' },
  { roundId: LATEST_ROUND, teamName: TEAM_NAME, number: 2, status: 'closed' as const, openedAt: '2025-05-12T09:00:00.000Z', closedAt: '2025-06-30T16:00:00.000Z' },
  { roundId: FIRST_ROUND, teamName: TEAM_NAME, number: 1, status: 'closed' as const, openedAt: '2025-01-13T09:00:00.000Z', closedAt: '2025-01-31T16:30:00.000Z' },
];

/** GET …/participation of the open round 3, of a team of 52 now: tests change it to see the tab keep up. */
export function currentParticipation(respondents = 12, teamSize: TeamSize = knownTeamSize(52)): ParticipationReply {
  const answersByCondition = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`C${String(i + 1).padStart(2, '0')}`, Math.max(0, respondents - i)])) as Record<ConditionId, number>;
  return { roundNumber: 3, results: 'at-close', respondents, answersByCondition, teamSize };
}

/** The closed rounds' team sizes as kept at close: round 2 had 50 members; round 1 closed before sizes were kept. */
export const TEAM_SIZES_AT_CLOSE: Readonly<Record<string, TeamSize>> = {
  [LATEST_ROUND]: knownTeamSize(50),
  [FIRST_ROUND]: { known: false, why: 'not-kept' },
};

export const MY_ROUNDS = [
  { teamId: TEAM_ID, ...ROUNDS[0]! },
  { teamId: '19:fostering@thread.tacv2', teamName: 'Fostering & Adoption', roundId: 'round-7', number: 1, status: 'open' as const, openedAt: '2025-06-02T08:30:00.000Z' },
  { teamId: TEAM_ID, ...ROUNDS[1]! },
  { teamId: TEAM_ID, ...ROUNDS[2]! },
];
