import type { RoundChanges } from '../../bot/app/tab/roundChanges';
import type { ConditionId } from '../../bot/domain/conditions';
import type { LevelId } from '../../bot/domain/levels';
import type { RatingId } from '../../bot/domain/ratings';
import type { RoundSummary, SummaryComment } from '../../bot/domain/summary/roundSummary';
import { shownDifference } from '../../bot/domain/summary/shownScore';
import { FIRST_ROUND, LATEST_ROUND, ROUNDS } from './fixtures';
import { reportFileName } from '../../bot/domain/export/fileName';

/**
 * The fixture API's answers for the views beyond the overview, in the real routes' shapes
 * (bot/app/tab/roundSummary.ts, roundChanges.ts, roundExport.ts).
 */
export const HOSTILE_COMMENTS = ['<img src=x onerror="window.__pwned=1">', '<script>window.__pwned=2</script>'];

const comment = (text: string, rating: RatingId, level: LevelId | null): SummaryComment => ({ text, rating, level });

/** Written in the order the API sends them: by rating, then text. Hidden levels are unnamed (null). */
const CONDITION_COMMENTS: Partial<Record<ConditionId, SummaryComment[]>> = {
  C01: [
    comment('Police rarely come to our meetings.', 'not-in-place', 'practitioner'),
    comment(HOSTILE_COMMENTS[0]!, 'partly', 'practitioner'),
    comment(HOSTILE_COMMENTS[1]!, 'partly', null),
    comment('We share a plan with education & health.', 'mostly', null),
    comment('Not sure who decides this.', 'dont-know', null), // business support: too few ratings to be named
  ],
  C02: [comment('Champions meet monthly.', 'fully', 'supervisor')],
};

const COMMENT_THRESHOLD = 10;

/** The comments route as the API answers it: 400 for a level not shown for the condition, else filtered. */
export function commentsReply(summary: RoundSummary, conditionId: string, level: unknown): { status: number; body: unknown } {
  const condition = summary.conditions.find((c) => c.conditionId === conditionId);
  if (!condition) return { status: 400, body: { error: { code: 'BAD_REQUEST', message: "That condition is not one of the audit's conditions." } } };
  // COMMENT_THRESHOLD (10): none until ten people have answered the condition.
  const shown = condition.allStaff.shown && condition.allStaff.answers >= COMMENT_THRESHOLD;
  const all = shown ? CONDITION_COMMENTS[conditionId as ConditionId] ?? [] : [];
  const reply = (comments: SummaryComment[]) => ({ status: 200, body: { shown, commentThreshold: COMMENT_THRESHOLD, comments } });
  if (level === undefined || level === '') return reply(all);
  const cell = condition.byLevel[level as LevelId];
  if (!cell?.shown || cell.distribution === null) return { status: 400, body: { error: { code: 'BAD_REQUEST', message: 'That level is too small to show for this condition.' } } };
  return reply(all.filter((c) => c.level === level));
}

/** As compareRounds gives it: the change worked out from the two scores as shown. */
const score = (before: number, after: number) => {
  const change = shownDifference(after, before);
  return { before, after, change, direction: change > 0 ? ('up' as const) : change < 0 ? ('down' as const) : ('none' as const) };
};

/**
 * GET …/changes for round 2 against round 1. C01 is worked out from the two fixture summaries
 * (round 1 shows only practitioners, so only they are compared); the other moves are chosen by
 * hand so the view meets a rise, a fall, no change, a hidden cut, and the issue 8 figures that
 * rounding once contradicted (1.54 → 1.56 shows 1.5 → 1.6: +0.1; 1.56 → 1.34 shows 1.6 → 1.3: −0.3).
 */
export function changesReply(roundId: string): RoundChanges | undefined {
  if (roundId === FIRST_ROUND) return { previousRound: null, conditions: [] };
  if (roundId !== LATEST_ROUND) return undefined;
  const previous = ROUNDS[2]!;
  const conditions = Array.from({ length: 12 }, (_, i) => {
    const conditionId = `C${String(i + 1).padStart(2, '0')}` as ConditionId;
    if (conditionId === 'C01') return { conditionId, allStaff: score(1.7, 44 / 31), byLevel: [{ level: 'practitioner' as const, ...score(1.5, 14 / 13) }] };
    if (conditionId === 'C02') return { conditionId, allStaff: score(1.7, 2.1), byLevel: [{ level: 'practitioner' as const, ...score(1.5, 1.5) }] };
    if (conditionId === 'C12') return { conditionId, allStaff: null, byLevel: [] };
    if (conditionId === 'C11') return { conditionId, allStaff: score(1.54, 1.56), byLevel: [{ level: 'practitioner' as const, ...score(1.56, 1.34) }] };
    return { conditionId, allStaff: score(1.7, 1.5), byLevel: [{ level: 'practitioner' as const, ...score(1.5, 1.25) }] };
  });
  return { previousRound: { roundId: previous.roundId, number: previous.number, closedAt: previous.closedAt ?? '' }, conditions };
}

/**
 * What the export routes send: a CSV (UTF-8 with BOM, CRLF), an .xlsx and a .docx (zips: "PK" first),
 * named as the real API names them (the team's name, which is not plain ASCII: RFC 6266's filename*).
 */
export function exportFile(format: 'csv' | 'xlsx' | 'docx', roundNumber: number): { contentType: string; filename: string; body: Buffer } {
  const filename = reportFileName('Children’s Services – North', roundNumber, format);
  if (format === 'csv') {
    return { contentType: 'text/csv; charset=utf-8', filename, body: Buffer.from('\uFEFFTeam,Children’s Services – North\r\nNumber,Condition\r\n1,Systems are aligned across all relevant agencies\r\n', 'utf8') };
  }
  const contentType = format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  return { contentType, filename, body: Buffer.from('PK\u0003\u0004fixture', 'latin1') };
}
