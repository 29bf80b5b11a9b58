import type { CommentConcern } from './concernKinds';

/*
 * Words that describe harm to a child. An audit of practice talks about harm all the time as a
 * subject ("our neglect strategy", "training on child sexual exploitation", "domestic abuse
 * referrals are rising"): that must pass. What must not is a disclosure: harm done to a particular
 * child. So a sentence is caught when harm words meet a particular child in it:
 *
 * - an ACT of harm (bruises, a fracture, "hit him", "sexually abused", "touched her") with any
 *   person in the sentence: a child noun, an age, or he/she/him/her (a comment about a colleague
 *   rarely says one was bruised or punched);
 * - a SUBJECT of harm (neglect, abuse, exploitation, grooming, self-harm, FGM, left alone) only
 *   with a particular child: "the child", "a 14-year-old", "her son", "the young person" (a
 *   pronoun is not enough: "She leads our neglect work" must pass).
 */

const ACTS = [
  'bruis(?:e|es|ed|ing)',
  'injur(?:y|ies|ed)',
  'fractur(?:e|es|ed)',
  'broken\\s+(?:arm|leg|bone|wrist|rib|nose|jaw)s?',
  '(?:cigarette\\s+)?burns?\\s+(?:on|to)',
  'scald(?:s|ed)?',
  'bite\\s+marks?',
  'black\\s+eye',
  '(?:hit|hits|hitting|punch(?:es|ed|ing)?|kick(?:s|ed|ing)?|slap(?:s|ped|ping)?|smack(?:s|ed|ing)?|beat(?:s|ing)?|strangl(?:ed|es|ing)|chok(?:ed|es|ing)|shook|shak(?:es|ing)|throttl(?:ed|ing)|touch(?:es|ed|ing)?)\\s+(?:him|her|them|the\\s+(?:child|boy|girl|baby|kids?)|(?:his|her|their)\\s+(?:son|daughter|child|baby|kids?|brother|sister))\\b(?!\\s+(?:up|on)\\b)',
  'beaten(?!\\s+(?:to|by\\s+the\\s+(?:deadline|target)))',
  'shaken\\s+baby',
  'sexually\\s+(?:abused|assaulted|harmed|exploited|touched)',
  'raped',
  'molest(?:ed|ing)?',
  '(?:was|is|being|been|were|are)\\s+(?:physically\\s+|emotionally\\s+)?(?:abused|assaulted|attacked)',
  'cut(?:s|ting)?\\s+(?:him|her|them)sel(?:f|ves)',
  'threaten(?:ed|s)?\\s+to\\s+(?:kill|hurt)',
];

const SUBJECTS = [
  'neglect(?:ed|ful|ing)?',
  'abus(?:e|ed|es|ing|ive)',
  'exploit(?:ed|ation)',
  'groom(?:ed|ing)',
  'self[-\\s]?harm(?:s|ed|ing)?',
  'fgm',
  'rape',
  'cse',
  'left\\s+(?:alone|home\\s+alone|unsupervised)',
  'starv(?:ed|ing)',
  'locked\\s+(?:in|up)',
  'suicid(?:e|al)',
  'overdos(?:e|ed)',
  'witness(?:ed|es|ing)?\\s+(?:domestic\\s+)?(?:violence|abuse)',
  // Harm told in the passive ("a child was hit at home"): with a particular child only, as a
  // colleague may be "hurt by the restructure".
  '(?:was|were|is|got|gets|been|being)\\s+(?:hit|hurt|injured|harmed|smacked|slapped|punched|kicked|burn(?:t|ed)|scalded|strangled|choked|shaken|assaulted|attacked|abused)',
  // "a child at risk", "the boy is at risk of harm": a particular child in danger.
  'at\\s+(?:serious\\s+|significant\\s+|immediate\\s+)?risk',
];

/** Words for a child that name no one in particular when used as part of a service's term. */
const CHILD_COMPOUNDS = '(?:protection|in\\s+need|sexual|care|and\\s+family|centred|focused|friendly|development|poverty|arrangements|death|safeguarding|criminal|exploitation|abuse|neglect|trafficking|mental|health|social|looked|journey|voice|first|minding)';
const CHILD_NOUNS = '(?:boy|girl|baby|toddler|infant|newborn|son|daughter|stepson|stepdaughter|teenager|teen|kid|sibling|brother|sister|pupil)';
const DETERMINER = '(?:a|an|the|this|that|one|my|our|his|her|their|mum\'s|dad\'s)';

/** A particular child: "the child" (not "child protection"), "a child's", "her son", "a 6-year-old", "aged 14". */
const PARTICULAR_CHILD = new RegExp(
  [
    `\\b${DETERMINER}\\s+(?:(?:young|little|older|younger|eldest|youngest|new|unborn)\\s+)?(?:child(?:'s|’s)?(?!\\s+${CHILD_COMPOUNDS})|young\\s+person|yp)\\b`,
    `\\b${CHILD_NOUNS}(?:'s|’s)?\\b`,
    '\\b\\d{1,2}[-\\s]?(?:years?|yrs?|months?|weeks?)[-\\s]?old\\b',
    '\\b\\d{1,2}\\s?(?:yo|y\\.o\\.)\\b',
    '\\baged\\s+\\d{1,2}\\b',
  ].join('|'),
  'iu',
);
const PRONOUN = /\b(?:he|him|his|himself|she|her|hers|herself)\b/iu;

const ACT = new RegExp(`\\b(?:${ACTS.join('|')})\\b`, 'giu');
const SUBJECT = new RegExp(`\\b(?:${SUBJECTS.join('|')})\\b`, 'giu');
/** Where a sentence (or clause on its own line) ends: harm and a child must meet within one. */
const SENTENCE = /[^.!?;\n]+/gu;

/** Words that describe harm to a particular child (see the rules above), each with where it is. */
export function harmToChild(text: string): CommentConcern[] {
  const found: CommentConcern[] = [];
  for (const sentence of text.matchAll(SENTENCE)) {
    const words = sentence[0];
    const particular = PARTICULAR_CHILD.test(words);
    const anyone = particular || PRONOUN.test(words);
    const hits = [...(anyone ? words.matchAll(ACT) : []), ...(particular ? words.matchAll(SUBJECT) : [])];
    for (const hit of hits) found.push({ kind: 'harm-to-child', start: sentence.index + hit.index, end: sentence.index + hit.index + hit[0].length });
  }
  return found;
}
