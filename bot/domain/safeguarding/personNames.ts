import type { CommentConcern } from './concernKinds';
import { FIRST_NAMES, SURNAMES } from './nameList';
import { mayTagPeople } from './taggerCandidates';

type Compromise = typeof import('compromise/two');
let tagger: Compromise | undefined;
/**
 * compromise's tagging build (names are its #Person tags; the full build's people() adds a third to
 * each comment's time for the same spans), loaded at the first comment that needs it: it takes
 * about 34 MB, and most comments never do (taggerCandidates.ts).
 */
function compromise(): Compromise {
  tagger ??= require('compromise/two') as Compromise;
  return tagger;
}

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
  // Only where something in the text can start a person tag: elsewhere the tagger finds none.
  const tagged = mayTagPeople(text) ? (compromise()(text).match('#Person+').json() as { text: string; terms: { text: string }[] }[]) : [];
  for (const match of tagged) {
    const words = match.terms.map((term) => term.text.replace(/[’']s$/u, '').toLowerCase()).filter((word) => word !== '');
    const start = text.indexOf(match.text, from);
    if (start < 0 || !isIdentifying(words)) continue;
    // "Amelia's school": the name is Amelia.
    const possessive = /[’']s$/u.test(match.text) ? 2 : 0;
    found.push({ kind: 'name', start, end: start + match.text.length - possessive });
    from = start + match.text.length;
  }
  // Where the tagger and the list find parts of one name ("Łukasz Wiśniewski"), the name is both.
  const merged: CommentConcern[] = [];
  for (const name of [...found, ...listedNames(text)].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && name.start < last.end) merged[merged.length - 1] = { ...last, end: Math.max(last.end, name.end) };
    else merged.push(name);
  }
  return merged;
}

function isIdentifying(words: readonly string[]): boolean {
  const named = words.filter((word) => !TITLES.has(word.replace(/\.$/u, '')));
  if (named.length === 0 || named.some((word) => PUBLIC_FIGURES.has(word))) return false;
  // A title makes even an ordinary word a name ("Mrs May").
  if (named.length < words.length) return true;
  return named.length > 1 || !ORDINARY_WORDS.has(named[0]!);
}

/** A capitalised word as names are written: Priya, O'Brien, McDonald, Nowak-Smith, Łukasz, Siobhán, with an optional possessive. */
const CAPITALISED = "(?:\\p{Lu}['’])?\\p{Lu}\\p{Ll}[\\p{L}\\p{M}]*(?:-\\p{Lu}\\p{Ll}[\\p{L}\\p{M}]*)*";
/** One to three capitalised words in a row, separated by single spaces (never across a line). */
const CAPITALISED_RUN = new RegExp(`(?<![\\p{L}\\p{M}'’-])${CAPITALISED}(?: ${CAPITALISED}){0,2}(?:['’]s)?(?![\\p{L}\\p{M}])`, 'gu');
const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName']);
let lexiconOfTagger: Record<string, string | undefined> | undefined;
/** compromise's lexicon: a word (lower case) to its tag. */
function lexicon(): Record<string, string | undefined> {
  lexiconOfTagger ??= (compromise() as unknown as { model(): { one: { lexicon: Record<string, string | undefined> } } }).model().one.lexicon;
  return lexiconOfTagger;
}

/** Whether a word (lower case) is known as a person's name, by our list or compromise's lexicon, and is not an ordinary word. */
function isNameWord(word: string): boolean {
  if (ORDINARY_WORDS.has(word) || PUBLIC_FIGURES.has(word)) return false;
  return FIRST_NAMES.has(word) || SURNAMES.has(word) || NAME_TAGS.has(lexicon()[word] ?? '');
}

/** A word compromise's lexicon knows as something other than a name (call, yesterday, our), and no title or listed name. */
function isOrdinaryEnglish(word: string): boolean {
  const tag = lexicon()[word];
  return tag !== undefined && !NAME_TAGS.has(tag) && !TITLES.has(word) && !FIRST_NAMES.has(word) && !SURNAMES.has(word);
}

/**
 * Names the tagger misses, as the families and staff of a UK service write them (issue 12: names
 * from every background caught as often as English ones): a capitalised first name of our list
 * alone ("Priya in the duty team"), or two or three capitalised words in a row of which one is a
 * known first name or surname ("Priya Shah", "Kasia Nowak", "Aisha Begum", "Siobhan O'Brien").
 * Capitalised service terms ("Front Door", "Principal Social Worker") name no one and pass.
 */
function listedNames(text: string): CommentConcern[] {
  const found: CommentConcern[] = [];
  for (const run of text.matchAll(CAPITALISED_RUN)) {
    const possessive = /['’]s$/u.test(run[0]) ? 2 : 0;
    let name = run[0].slice(0, run[0].length - possessive);
    let start = run.index;
    // A sentence's first word is capitalised too: "Call Sam Jones", "Yesterday Priya Shah".
    for (let first = name.split(' ')[0]!; name.includes(' ') && isOrdinaryEnglish(first.toLowerCase()); first = name.split(' ')[0]!) {
      name = name.slice(first.length + 1);
      start += first.length + 1;
    }
    const words = name.toLowerCase().split(' ');
    const listed = words.length === 1 ? FIRST_NAMES.has(words[0]!) && !ORDINARY_WORDS.has(words[0]!) : words.some(isNameWord);
    if (listed) found.push({ kind: 'name', start, end: start + name.length });
  }
  return found;
}
