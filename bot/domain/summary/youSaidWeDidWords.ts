import { conditionById, type ConditionId } from '../conditions';
import type { LevelId } from '../levels';
import type { ActionStatus } from '../plan';
import { rateFigure } from '../responseRate';
import { formatScore } from './shownScore';
import { NOTABLE_GAP, LEVEL_PLURAL } from './whatHappensNow';
import type { AgreedAction, LevelGap, PlanAsOf, ScoredCondition, YouSaidWeDidFacts } from './youSaidWeDid';

// The words of a "You said, we did" card, shared by the card in the channel (bot/teams/cards) and
// the tab's preview, so a champion previews exactly the sentences staff will read. Only types
// come from plan.ts: its values would bring zod into the tab's bundle.

/** One part of the card: a heading, and its lines (each a sentence or an item of a list). */
export interface WordsSection {
  readonly heading: string;
  readonly lines: readonly WordsLine[];
}

/** A line; `detail` is a second, smaller line under it (an action's owner, due date and status). */
export interface WordsLine {
  readonly text: string;
  readonly detail?: string;
}

export interface YouSaidWeDidWords {
  readonly title: string;
  /** "37 of 52 members (71%) took part in audit round 3, which closed on 3 March 2027." */
  readonly participation: string;
  readonly sections: readonly WordsSection[];
  /** How the figures were kept anonymous, in small print. */
  readonly privacy: string;
}

/** At most this many actions on the card: a plan of 30 would not fit a Teams card, and the full plan is in the tab. */
const MAX_ACTIONS_SHOWN = 10;
/**
 * An action's need is cut to this many characters on the card (it may be 2,000): ten of them whole,
 * written outside ASCII, would pass Teams' ~28 KB for a card. The whole text is in the tab.
 */
const MAX_NEED_SHOWN = 300;
/**
 * …and to this many bytes of UTF-8 (300 characters of three bytes, as '€' or most scripts take):
 * a character as people count it can be far larger (a family emoji is 25 bytes, a letter may carry
 * a run of combining marks), and ten needs of 300 such characters would pass Teams' limit.
 */
const MAX_NEED_BYTES = 900;

const STATUS: Record<ActionStatus, string> = { 'not-started': 'Not started', 'in-progress': 'In progress', done: 'Done' };

/** "3 March 2027": a UK day (YYYY-MM-DD), or the UK day of an instant (ISO 8601). */
export function longDate(dayOrInstant: string): string {
  const isDay = /^\d{4}-\d{2}-\d{2}$/.test(dayOrInstant);
  const date = new Date(isDay ? `${dayOrInstant}T00:00:00Z` : dayOrInstant);
  if (Number.isNaN(date.getTime())) return dayOrInstant;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: isDay ? 'UTC' : 'Europe/London' });
}

/** "6. Practitioners access effective supervision, …": the condition as staff rated it. */
function conditionLine(conditionId: ConditionId): string {
  const condition = conditionById(conditionId);
  return `${condition.number}. ${condition.text}`;
}

const graphemes = new Intl.Segmenter('en-GB', { granularity: 'grapheme' });
const utf8 = new TextEncoder();
/** Bytes of `text` as a card sends it: UTF-8, inside a JSON string (a quote or a control character escaped). */
const bytesOf = (text: string) => utf8.encode(JSON.stringify(text)).length - 2;

/**
 * `text` whole, or cut with "…": to its first `max` characters (as people count them: an accented
 * letter or an emoji is one) and, within those, to whole characters of at most `maxBytes` bytes
 * together as the card sends them ("…" included). A single character larger than that is cut by code point.
 */
function cut(text: string, max: number, maxBytes: number): string {
  const characters = Array.from(graphemes.segment(text), (s) => s.segment);
  if (characters.length <= max && bytesOf(text) <= maxBytes) return text;
  const budget = maxBytes - bytesOf('…');
  let kept = '';
  let used = 0;
  for (const character of characters.slice(0, max - 1)) {
    const size = bytesOf(character);
    if (used + size > budget) break;
    kept += character;
    used += size;
  }
  if (kept === '') kept = cutByCodePoint(characters[0] ?? '', budget);
  return `${kept.trimEnd()}…`;
}

function cutByCodePoint(text: string, maxBytes: number): string {
  let kept = '';
  for (const codePoint of text) {
    if (bytesOf(kept + codePoint) > maxBytes) break;
    kept += codePoint;
  }
  return kept;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const levelName = (level: LevelId) => LEVEL_PLURAL[level];

/** Everything the card says, from its facts alone. */
export function youSaidWeDidWords(facts: YouSaidWeDidFacts): YouSaidWeDidWords {
  return {
    title: `You said, we did: audit round ${facts.roundNumber}`,
    participation: participationSentence(facts),
    sections: [...extremesSections(facts), disagreementSection(facts), actionsSection(facts)],
    privacy: `Figures for any group of fewer than ${facts.privacyThreshold} people are never shown, nor is a level that would let one be worked out, and scores count only ratings other than "don't know" (0 = not in place, 3 = fully in place). The full results and the plan are in the channel's Practice audit tab.`,
  };
}

/** "37 of 52 members (71%) took part in audit round 3, which closed on 3 March 2027." */
export function participationSentence({ respondents, teamSize, roundNumber, closedAt }: Pick<YouSaidWeDidFacts, 'respondents' | 'teamSize' | 'roundNumber' | 'closedAt'>): string {
  const round = `audit round ${roundNumber}${closedAt ? `, which closed on ${longDate(closedAt)}` : ''}`;
  if (respondents === 0) return `No one took part in ${round}.`;
  const people = `${respondents.toLocaleString('en-GB')} ${respondents === 1 ? 'person' : 'people'}`;
  const figure = rateFigure(respondents, teamSize, false);
  if (!figure || !teamSize.known) return `${people} took part in ${round}.`;
  // More answered than the team had at close (some who answered had left): the count, and the size beside it.
  if (respondents > teamSize.members) return `${people} took part in ${round}; the team had ${teamSize.members.toLocaleString('en-GB')} members when it closed (some who answered had left).`;
  return `${figure} took part in ${round}.`;
}

const scoredLine = ({ conditionId, score }: ScoredCondition): WordsLine => ({ text: `${conditionLine(conditionId)} (${formatScore(score)} of 3)` });

function extremesSections({ extremes }: YouSaidWeDidFacts): WordsSection[] {
  if (extremes.kind === 'ranked') {
    const tie = (count: number) => (count > 1 ? ` (${count} share the score)` : '');
    return [
      { heading: `Rated highest${tie(extremes.highest.length)}`, lines: extremes.highest.map(scoredLine) },
      { heading: `Rated lowest${tie(extremes.lowest.length)}`, lines: extremes.lowest.map(scoredLine) },
    ];
  }
  const text =
    extremes.kind === 'all-equal'
      ? `Every condition with a score was rated the same, ${formatScore(extremes.score)} of 3.`
      : extremes.scored === 0
        ? 'No condition had enough ratings to show a score, so none is named as rated highest or lowest.'
        : `Only ${extremes.scored} ${extremes.scored === 1 ? 'condition had' : 'conditions had'} enough ratings to show a score: too few to name the highest and lowest.`;
  return [{ heading: 'Rated highest and lowest', lines: [{ text }] }];
}

function gapLine({ conditionId, gap, mostPositive, leastPositive }: LevelGap): WordsLine {
  return {
    text: conditionLine(conditionId),
    detail: `${capitalised(levelName(mostPositive.level))} ${formatScore(mostPositive.score)}, ${levelName(leastPositive.level)} ${formatScore(leastPositive.score)}: a gap of ${formatScore(gap)}`,
  };
}

function disagreementSection({ disagreements }: YouSaidWeDidFacts): WordsSection {
  const heading = 'Where levels disagree most';
  if (disagreements.gaps.length > 0) return { heading, lines: disagreements.gaps.map(gapLine) };
  const text = disagreements.comparable
    ? `Where levels could be compared, they broadly agreed: no two were ${formatScore(NOTABLE_GAP)} or more apart.`
    : 'No condition had two levels with enough answers to compare, so no level is named.';
  return { heading, lines: [{ text }] };
}

/** "Owner: Head of service · Due 31 March 2027 · In progress" */
function actionDetail(action: Pick<AgreedAction, 'owner' | 'dueDate' | 'status'>): string {
  return [action.owner ? `Owner: ${action.owner}` : 'No owner yet', action.dueDate ? `Due ${longDate(action.dueDate)}` : 'No due date', STATUS[action.status]].join(' · ');
}

function planHeading(asOf: PlanAsOf): string {
  return asOf.kind === 'living' ? `What we are doing: the plan as it stands on ${longDate(asOf.on)}` : 'What we are doing: the plan as it stood when the round closed';
}

function actionsSection({ actions, planAsOf }: YouSaidWeDidFacts): WordsSection {
  const heading = planHeading(planAsOf);
  if (actions.length === 0) return { heading, lines: [{ text: 'No actions have been agreed yet. When they are, they will be in the Plan of the Practice audit tab.' }] };
  const shown = actions.slice(0, MAX_ACTIONS_SHOWN).map((action): WordsLine => ({ text: `${conditionById(action.conditionId).number}. ${cut(action.need, MAX_NEED_SHOWN, MAX_NEED_BYTES)}`, detail: actionDetail(action) }));
  const more = actions.length - shown.length;
  return { heading, lines: more > 0 ? [...shown, { text: `And ${more} more ${more === 1 ? 'action' : 'actions'}: the whole plan is in the Practice audit tab.` }] : shown };
}
