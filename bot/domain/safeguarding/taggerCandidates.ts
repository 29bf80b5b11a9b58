import { TAGGER_CUES } from './taggerCues.generated';

const CUE_WORDS: ReadonlySet<string> = new Set(TAGGER_CUES.words.split(' '));
const SURNAME_ENDINGS = TAGGER_CUES.suffixes.split(' ');
const SURNAME_SHAPES = TAGGER_CUES.shapes.map((shape) => new RegExp(shape));

/** A word as compromise splits text into terms, apostrophes, dots and hyphens inside it kept. */
const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;
/** A letter outside ASCII: compromise folds accents before its lexicon ("zoë" is "zoe"), which is not repeated here. */
const OTHER_LETTER = /(?![A-Za-z])\p{L}/u;
/**
 * A capital letter other than a sentence's first letter or the pronoun I ("I", "I'm"): compromise
 * reads such a word as a proper noun. Its patterns make a proper noun a person only beside a cue
 * (so this is a second guard, not a need), but a capital is also how a writer marks a name.
 */
const INNER_CAPITAL = /(?<![\p{L}\p{N}'’.-])(?<!(?:^|[.!?]["'’”)\]]*\s+)["'‘“([]*)(?!I(?:['’](?:m|ve|d|ll))?(?![\p{L}\p{N}'’]))\p{Lu}|(?<=[\p{L}\p{N}'’.-])\p{Lu}/u;

/**
 * Whether the `compromise` tagger could find a person in `text` (personNames.ts): false only when
 * nothing in it can start a person tag in compromise's tagger (tools/taggerCues/extract.ts says
 * what can, from the tagger's own model, in taggerCues.generated.ts), so skipping the tagger on such
 * a text finds every name it would have found. True, as a precaution, for any capital letter but a
 * sentence's first and the pronoun I, and for any letter outside ASCII.
 *
 * The tagger costs about half a millisecond a comment and 34 MB to load; most comments have no cue.
 */
export function mayTagPeople(text: string): boolean {
  if (OTHER_LETTER.test(text) || INNER_CAPITAL.test(text)) return true;
  for (const [word] of text.toLowerCase().replace(/’/gu, "'").matchAll(WORD)) {
    // compromise reads "Priya's" as Priya and "don't" as do not; any other apostrophe, dot or hyphen may part words.
    const base = word.replace(/n't$/u, '').replace(/'(?:s|m|d|ll|re|ve)$/u, '');
    if ([word, base, ...base.split(/['.-]/u)].some(isCue)) return true;
  }
  return false;
}

function isCue(word: string): boolean {
  return CUE_WORDS.has(word) || SURNAME_ENDINGS.some((ending) => word.length > ending.length && word.endsWith(ending)) || SURNAME_SHAPES.some((shape) => shape.test(word));
}
