import type { YouSaidWeDidFacts } from '../../domain/summary/youSaidWeDid';
import { youSaidWeDidWords, type WordsSection } from '../../domain/summary/youSaidWeDidWords';
import { adaptiveCard, type AdaptiveCard, type CardElement } from './card';
import { heading, plainText } from './elements';

/**
 * "You said, we did", posted in a closed round's channel when a champion chooses (issue 11):
 *
 *   You said, we did: audit round 3
 *   37 of 52 members (71%) took part in audit round 3, which closed on 3 March 2027.
 *   Rated highest / Rated lowest            conditions with their all-staff scores
 *   Where levels disagree most              condition, then "Senior leaders 2.6, practitioners 1.2: a gap of 1.4"
 *   What we are doing: the plan as it …     each action, then "Owner: … · Due … · In progress"
 *   (small print: the privacy rules, and where the full results are)
 *
 * Every sentence comes from youSaidWeDidWords (the tab previews the same words), and every
 * figure from the round's released summary, so nothing here names a level the summary hides.
 * Each line is plain text: actions and owners are champions' words, never read as markdown.
 */
export function youSaidWeDidCard(facts: YouSaidWeDidFacts): AdaptiveCard {
  return adaptiveCard(youSaidWeDidBody(facts));
}

/** The card's body, also shown as the preview on a champion's one-to-one offer. */
export function youSaidWeDidBody(facts: YouSaidWeDidFacts): CardElement[] {
  const words = youSaidWeDidWords(facts);
  return [
    heading(words.title),
    plainText([words.participation], { spacing: 'small' }),
    ...words.sections.flatMap(sectionElements),
    plainText([{ text: words.privacy, style: { size: 'small', isSubtle: true } }], { spacing: 'medium' }),
  ];
}

function sectionElements(section: WordsSection): CardElement[] {
  return [
    plainText([{ text: section.heading, style: { weight: 'bolder' } }], { spacing: 'medium' }),
    ...section.lines.flatMap((line) => [
      plainText([line.text], { spacing: 'small' }),
      ...(line.detail ? [plainText([{ text: line.detail, style: { size: 'small', isSubtle: true } }], { spacing: 'none' })] : []),
    ]),
  ];
}
