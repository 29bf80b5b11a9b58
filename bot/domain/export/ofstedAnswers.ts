import { CONDITIONS, type ConditionId } from '../conditions';
import { LEVELS } from '../levels';
import type { RoundSummary } from '../summary';
import { rankDisagreements } from '../summary/rankDisagreements';
import { formatScore } from '../summary/shownScore';
import { LEVEL_PLURAL, NOTABLE_GAP, type Judgement, type NowSummary } from '../summary/whatHappensNow';
import { actionFacts, countOf, type ActionWords, type EvidenceWords } from './reportText';

/** A paragraph, or a list of items, of a report's section. */
export type ReportBlock = { readonly paragraph: string } | { readonly list: readonly string[] };

/** One of Ofsted's self-evaluation questions and the report's answer. */
export interface OfstedAnswer {
  readonly question: string;
  readonly blocks: readonly ReportBlock[];
}

export interface OfstedSources {
  readonly summary: RoundSummary;
  readonly now: readonly NowSummary[];
  /** The response rate as a sentence (responseRateText). */
  readonly rateSentence: string;
  readonly planAsOf: string;
  readonly actions: readonly ActionWords[];
  readonly evidence: readonly EvidenceWords[];
}

/** How many conditions each of "rated highest" and "rated lowest" lists. */
const LISTED = 3;

const JUDGEMENT_WORDS: Record<Judgement, string> = { fully: 'fully in place', mostly: 'mostly in place', partly: 'partly in place', 'not-in-place': 'not in place' };

/**
 * Ofsted's three self-evaluation questions (the annual engagement meeting's), answered from the same
 * data as Appendix 2's grid: what do you know about the quality of practice (the staff's figures),
 * how do you know it (staff at every level, and the evidence notes), and what are your plans for
 * the next 12 months (the plan). The issue maps them onto Appendix 2's now / need / plan.
 * Every figure is the summary's shown figure; a hidden level is not named.
 */
export function ofstedAnswers(sources: OfstedSources): OfstedAnswer[] {
  return [
    { question: 'What do you know about the quality of practice?', blocks: qualityOfPractice(sources) },
    { question: 'How do you know it?', blocks: howWeKnow(sources) },
    { question: 'What are your plans for the next 12 months?', blocks: plans(sources) },
  ];
}

const conditionName = (id: ConditionId) => {
  const condition = CONDITIONS.find((c) => c.id === id)!;
  return `Condition ${condition.number}, ${condition.text}`;
};

function qualityOfPractice({ summary, now }: OfstedSources): ReportBlock[] {
  const threshold = summary.privacyThreshold;
  const scored = now.filter((n): n is Extract<NowSummary, { shown: true }> & { judgement: Judgement; displayScore: string } => n.shown && n.judgement !== null && n.displayScore !== null);
  const counts = (['fully', 'mostly', 'partly', 'not-in-place'] as const)
    .map((j) => [j, scored.filter((n) => n.judgement === j).length] as const)
    .filter(([, n]) => n > 0)
    .map(([j, n]) => `${n} ${JUDGEMENT_WORDS[j]}`);
  const hidden = now.filter((n) => !n.shown).length;
  const noScore = now.length - scored.length - hidden;
  const rest = [
    noScore > 0 ? `${countOf(noScore, 'condition')} had no score (too few ratings other than "don't know")` : '',
    hidden > 0 ? `${countOf(hidden, 'condition')} could not be shown (fewer than ${threshold} answers)` : '',
  ].filter(Boolean);
  const blocks: ReportBlock[] = [{
    paragraph: scored.length === 0
      ? `No condition had enough ratings to show a score${rest.length > 0 ? `: ${rest.join('; ')}` : ''}.`
      : `Staff rated the ${countOf(now.length, 'condition')} which promote good practice: ${counts.join(', ')}${rest.length > 0 ? `; ${rest.join('; ')}` : ''}.`,
  }];
  const line = (n: (typeof scored)[number]) => `${conditionName(n.conditionId)}: ${JUDGEMENT_WORDS[n.judgement]} (score ${n.displayScore} of 3)`;
  const { highest, lowest } = extremes(scored);
  if (highest.length > 0) blocks.push({ paragraph: 'Rated highest:' }, { list: highest.map(line) });
  if (lowest.length > 0) blocks.push({ paragraph: 'Rated lowest:' }, { list: lowest.map(line) });
  if (scored.length === 1) blocks.push({ list: scored.map(line) });
  else if (scored.length > 1 && scored.every((n) => n.displayScore === scored[0]!.displayScore)) blocks.push({ paragraph: `Every condition with a score was rated the same (score ${scored[0]!.displayScore} of 3).` });

  const disagreeing = rankDisagreements(summary).filter((c) => c.disagreement.gap >= NOTABLE_GAP).slice(0, LISTED);
  blocks.push(disagreeing.length === 0
    ? { paragraph: 'No condition shows levels of staff disagreeing by half a point or more.' }
    : { paragraph: 'Where levels of staff disagree most:' },
  );
  if (disagreeing.length > 0) {
    blocks.push({
      list: disagreeing.map(({ conditionId, disagreement: d }) =>
        `${conditionName(conditionId)}: ${LEVEL_PLURAL[d.mostPositive.level]} ${formatScore(d.mostPositive.score)}, ${LEVEL_PLURAL[d.leastPositive.level]} ${formatScore(d.leastPositive.score)} (a gap of ${d.gap.toFixed(1)})`),
    });
  }
  return blocks;
}

/**
 * The conditions rated highest and lowest, by score as shown: up to LISTED each (fewer when fewer
 * than twice that have a score), and every condition tied with the last one listed, since naming
 * one of three conditions at 1.1 as "lowest" would pick it by its number alone (the "you said, we
 * did" card names ties too). Highest first, lowest first; equal scores in the grid's order. The two
 * lists never share a condition: where the ties would meet in the middle, each list keeps only
 * the scores beyond the tie, and when every score is the same both are empty.
 */
function extremes<T extends { readonly displayScore: string }>(scored: readonly T[]): { highest: T[]; lowest: T[] } {
  const score = (n: T) => Number(n.displayScore);
  const listed = Math.min(LISTED, Math.floor(scored.length / 2));
  if (listed === 0) return { highest: [], lowest: [] };
  // Stable sorts: equal scores stay in the grid's order.
  const descending = [...scored].sort((a, b) => score(b) - score(a));
  const ascending = [...scored].sort((a, b) => score(a) - score(b));
  const top = score(descending[listed - 1]!);
  const bottom = score(ascending[listed - 1]!);
  if (top > bottom) return { highest: descending.filter((n) => score(n) >= top), lowest: ascending.filter((n) => score(n) <= bottom) };
  return { highest: descending.filter((n) => score(n) > top), lowest: ascending.filter((n) => score(n) < bottom) };
}

function howWeKnow({ summary, rateSentence, evidence }: OfstedSources): ReportBlock[] {
  const byLevel = LEVELS.flatMap((level) => {
    const cell = summary.respondentsByLevel[level.id];
    return cell?.shown && cell.count > 0 ? [`${LEVEL_PLURAL[level.id]} ${cell.count.toLocaleString('en-GB')}`] : [];
  });
  const someHidden = LEVELS.some((level) => { const cell = summary.respondentsByLevel[level.id]; return cell !== undefined && !cell.shown; });
  const blocks: ReportBlock[] = [
    {
      paragraph: `From staff at every level: the whole team was asked to rate each condition, and ${countOf(summary.respondents, 'person', 'people')} answered. ${rateSentence}`,
    },
  ];
  if (byLevel.length > 0) {
    blocks.push({ paragraph: `People who answered, by level: ${byLevel.join(', ')}.${someHidden ? ` Levels with fewer than ${summary.privacyThreshold} people answering are not named, so that no one can be picked out.` : ''}` });
  } else if (someHidden) {
    blocks.push({ paragraph: `No level had enough people answering to be named (at least ${summary.privacyThreshold}).` });
  }
  if (evidence.length === 0) {
    blocks.push({ paragraph: 'No other evidence (a case audit, practice week, supervision audit or feedback from children and families) was recorded for this round.' });
  } else {
    blocks.push({ paragraph: 'From other evidence:' }, { list: evidence.map((note) => `${conditionName(note.conditionId)}. ${note.about}: ${note.found}`) });
  }
  return blocks;
}

function plans({ now, planAsOf, actions }: OfstedSources): ReportBlock[] {
  const asOf = planAsOf.charAt(0).toLowerCase() + planAsOf.slice(1);
  const unplanned = now
    .filter((n) => n.shown && (n.judgement === 'partly' || n.judgement === 'not-in-place') && !actions.some((a) => a.conditionId === n.conditionId))
    .map((n) => conditionName(n.conditionId));
  const blocks: ReportBlock[] = [];
  if (actions.length === 0) {
    blocks.push({ paragraph: `No actions had been agreed in the plan ${asOf}.` });
  } else {
    const conditions = new Set(actions.map((a) => a.conditionId)).size;
    const status = (id: ActionWords['statusId']) => actions.filter((a) => a.statusId === id).length;
    const overdue = actions.filter((a) => a.overdue).length;
    blocks.push({
      paragraph: `The plan ${asOf} has ${countOf(actions.length, 'action')} for ${countOf(conditions, 'condition')}: ${status('done')} done, ${status('in-progress')} in progress, ${status('not-started')} not started${overdue > 0 ? `; ${overdue} overdue` : ''}.`,
    });
    const toDo = actions.filter((a) => a.statusId !== 'done');
    const done = actions.filter((a) => a.statusId === 'done');
    const line = (a: ActionWords) => `${conditionName(a.conditionId)}: ${a.need} — ${actionFacts(a)}`;
    if (toDo.length > 0) blocks.push({ paragraph: 'Still to do:' }, { list: toDo.map(line) });
    if (done.length > 0) blocks.push({ paragraph: 'Done:' }, { list: done.map(line) });
  }
  if (unplanned.length > 0) blocks.push({ paragraph: 'Rated partly or not in place, with no action in the plan yet:' }, { list: unplanned });
  return blocks;
}
