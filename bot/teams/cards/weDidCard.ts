import { conditionById } from '../../domain/conditions';
import { longDate } from '../../domain/summary/youSaidWeDidWords';
import type { WeDidFacts } from '../../domain/weDid';
import { adaptiveCard, type AdaptiveCard } from './card';
import { heading, plainText } from './elements';

/**
 * A done action's short update for the team's channel (issue 11):
 *
 *   We did: condition 6
 *   Practitioners access effective supervision, …
 *   What was done        the action's need
 *   Done on 3 March 2027 · Owner: Head of service
 *   Latest progress, 28 February 2027       its latest progress note (when it has one)
 *
 * Plain text throughout: the need, owner and note are a champion's words.
 */
export function weDidCard(facts: WeDidFacts): AdaptiveCard {
  const condition = conditionById(facts.conditionId);
  const small = { size: 'small', isSubtle: true } as const;
  const bold = { weight: 'bolder' } as const;
  return adaptiveCard([
    heading(`We did: condition ${condition.number}`),
    plainText([condition.text], { spacing: 'small' }),
    plainText([{ text: 'What was done', style: bold }], { spacing: 'medium' }),
    plainText([facts.need], { spacing: 'small' }),
    plainText([{ text: [`Done on ${longDate(facts.doneAt)}`, ...(facts.owner ? [`Owner: ${facts.owner}`] : [])].join(' · '), style: small }], { spacing: 'none' }),
    ...(facts.latestNote
      ? [plainText([{ text: `Latest progress, ${longDate(facts.latestNote.date)}`, style: bold }], { spacing: 'medium' }), plainText([facts.latestNote.text], { spacing: 'small' })]
      : []),
    plainText([{ text: "The whole plan is in the channel's Practice audit tab.", style: small }], { spacing: 'medium' }),
  ]);
}
