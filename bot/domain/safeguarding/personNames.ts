import nlp from 'compromise';
import type { CommentConcern } from './concernKinds';

/**
 * First names that are also ordinary English words, capitalised at the start of a sentence or as a
 * value ("Grace and Hope are our values", "Will this help?", "May was busy"). On their own they
 * pass: a false alarm costs a practitioner's goodwill, and a first name alone rarely identifies a
 * child in a service of hundreds. With a surname or a title ("Grace Adeyemi", "Mrs May") they are
 * caught like any name.
 */
const ORDINARY_WORDS = new Set([
  'will', 'grace', 'hope', 'faith', 'may', 'mark', 'joy', 'rose', 'bill', 'sue', 'pat', 'frank', 'art', 'max', 'jack',
  'ruby', 'amber', 'summer', 'april', 'june', 'august', 'dawn', 'eve', 'holly', 'ivy', 'iris', 'lily', 'daisy', 'heather',
  'jasmine', 'violet', 'crystal', 'harmony', 'honor', 'honour', 'patience', 'prudence', 'charity', 'constance', 'mercy',
  'chase', 'hunter', 'drew', 'guy', 'rob', 'nick', 'sunny', 'autumn', 'destiny', 'sky', 'brook', 'rich', 'victor', 'earl',
  'gene', 'carol', 'don', 'ray', 'lance', 'dean', 'grant', 'miles', 'reed', 'glen', 'cliff', 'dale', 'wade', 'penny',
  'sandy', 'sage', 'trinity', 'unity', 'liberty', 'justice', 'sterling', 'christian', 'major', 'page', 'bob', 'jean',
  'robin', 'ash', 'river', 'storm', 'rowan', 'hazel', 'pearl', 'angel', 'precious', 'chance', 'king', 'prince', 'duke',
]);

/**
 * People named in social work's own literature and law, cited in comments as a model or a review
 * ("since Munro", "a Bowlby lens"), not as anyone the audit could identify.
 */
const PUBLIC_FIGURES = new Set(['munro', 'laming', 'macalister', 'bowlby', 'maslow', 'winnicott', 'ainsworth', 'bronfenbrenner', 'turnell', 'trowler', 'ofsted']);

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'sir', 'dame', 'lady', 'lord', 'prof', 'professor']);

/**
 * People's names, as the `compromise` part-of-speech tagger finds them (its lexicon of first
 * names and surnames, titles, and capitalisation in context), less a single first name that is also
 * an ordinary word (ORDINARY_WORDS) and the public figures of social work (PUBLIC_FIGURES).
 */
export function personNames(text: string): CommentConcern[] {
  const found: CommentConcern[] = [];
  let from = 0;
  for (const match of nlp(text).people().json() as { text: string; terms: { text: string }[] }[]) {
    const words = match.terms.map((term) => term.text.replace(/[’']s$/u, '').toLowerCase()).filter((word) => word !== '');
    const start = text.indexOf(match.text, from);
    if (start < 0 || !isIdentifying(words)) continue;
    // "Amelia's school": the name is Amelia.
    const possessive = /[’']s$/u.test(match.text) ? 2 : 0;
    found.push({ kind: 'name', start, end: start + match.text.length - possessive });
    from = start + match.text.length;
  }
  return found;
}

function isIdentifying(words: readonly string[]): boolean {
  const named = words.filter((word) => !TITLES.has(word.replace(/\.$/u, '')));
  if (named.length === 0 || named.some((word) => PUBLIC_FIGURES.has(word))) return false;
  // A title makes even an ordinary word a name ("Mrs May").
  if (named.length < words.length) return true;
  return named.length > 1 || !ORDINARY_WORDS.has(named[0]!);
}
