/**
 * What in a text can make the `compromise` tagger (its tagging build, `compromise/two`) tag a word as
 * a person (#Person or a tag under it: FirstName, MaleName, FemaleName, LastName, Honorific), read
 * from the tagger's own model so it follows the installed version. personNames.ts skips the tagger
 * on a comment with none of them (bot/domain/safeguarding/taggerCues.generated.ts holds them).
 *
 * Every way the tagger gives a person tag starts from one of these (compromise 14's tagger,
 * src/2-two): a lexicon word (or a word that may be a name or something else, `switches`); a word's
 * ending (`suffixPatterns`, `endsWith`) or shape (`regexNormal`, `regexText`, `regexNumbers`); a word
 * beside it (`neighbours`); or a post-tagging pattern (`matches`). A pattern that needs a person tag
 * already there starts from one of the others; a pattern that does not contributes its own words
 * ("first practitioner", "(sister|father|…) #ProperNoun"). extractTaggerCues throws if a neighbour
 * rule or a pattern could give a person tag from neither, so a new version cannot slip by.
 */
export interface TaggerCues {
  /** Words (lower case) that can start a person tag, from the lexicon, switches, neighbours and patterns. */
  readonly words: readonly string[];
  /** Word endings (lower case) the tagger reads as a surname's. */
  readonly suffixes: readonly string[];
  /** Word shapes (RegExp sources, no flags) the tagger reads as a surname's. */
  readonly shapes: readonly string[];
}

type Rule = readonly [RegExp | string, string];

/** The parts of compromise's model (`nlp.model()`) read here. */
export interface TaggerModel {
  readonly one: {
    readonly tagSet: Readonly<Record<string, { readonly parents?: readonly string[] } | undefined>>;
    readonly lexicon: Readonly<Record<string, string | readonly string[]>>;
    readonly frozenLex?: Readonly<Record<string, string | readonly string[]>>;
  };
  readonly two: {
    readonly switches: Readonly<Record<string, string>>;
    readonly suffixPatterns: readonly (Readonly<Record<string, string>> | null | undefined)[];
    readonly endsWith: Readonly<Record<string, readonly Rule[]>>;
    readonly regexNormal: readonly Rule[];
    readonly regexText: readonly Rule[];
    readonly regexNumbers: readonly Rule[];
    readonly neighbours: Readonly<Record<string, readonly Rule[]>>;
    readonly matches: readonly { readonly match: string; readonly tag?: string | readonly string[] }[];
  };
}

export function extractTaggerCues(model: TaggerModel): TaggerCues {
  const { tagSet } = model.one;
  // A tag such as "LastName", "#FirstName #Person .", "Person|Verb" or "%Person|Noun%": does any part name a person?
  const personal = (tags: string | readonly string[] | undefined): boolean =>
    [tags ?? []]
      .flat()
      .flatMap((tag) => tag.split(/[\s|]+/u))
      .map((tag) => tag.replace(/[#%]/gu, ''))
      .some((tag) => tag === 'Person' || (tagSet[tag]?.parents ?? []).includes('Person'));

  const words = new Set<string>();
  // A phrase ("jack the ripper", "de la cruz") is tagged only where all its words are: its longest is cue enough.
  const addPhrase = (phrase: string) => {
    const longest = phrase.toLowerCase().split(/\s+/u).reduce((a, b) => (b.length > a.length ? b : a), '');
    if (longest !== '') words.add(longest);
  };
  for (const entries of [model.one.lexicon, model.one.frozenLex ?? {}, model.two.switches]) {
    for (const [phrase, tags] of Object.entries(entries)) if (personal(tags)) addPhrase(phrase);
  }

  for (const [side, rules] of Object.entries(model.two.neighbours)) {
    for (const [cue, tag] of rules) {
      if (!personal(tag)) continue;
      if (side.endsWith('Words')) addPhrase(String(cue));
      else if (!personal(String(cue))) throw new Error(`compromise's neighbour rule ${side} ${String(cue)} → ${tag} tags a person from a tag that is not one: personNames' cues cannot cover it`);
    }
  }

  for (const { match, tag } of model.two.matches) {
    if (!personal(tag)) continue;
    const terms = match.split(/\s+/u).map((term) => term.replace(/[[\]()+^$]/gu, ''));
    // A pattern that needs a person tag is reached only from another cue.
    if (terms.some((term) => /^[#%]/u.test(term) && personal(term))) continue;
    // Otherwise its first word that must be there ("(king|queen|prince|saint|lady) of #Noun": one of the five, not "of").
    const required = terms.find((term) => /^[\p{L}\p{N}]/u.test(term) && !term.endsWith('?'));
    if (!required) throw new Error(`compromise's pattern "${match}" tags a person from neither a person nor a word: personNames' cues cannot cover it`);
    required.split('|').forEach(addPhrase);
  }

  const suffixes = model.two.suffixPatterns.flatMap((bySuffix) => Object.entries(bySuffix ?? {}).filter(([, tag]) => personal(tag)).map(([suffix]) => suffix));
  const shapes = [...Object.values(model.two.endsWith).flat(), ...model.two.regexNormal, ...model.two.regexText, ...model.two.regexNumbers]
    .filter(([, tag]) => personal(tag))
    .map(([shape]) => (shape instanceof RegExp ? shape.source : shape));

  return { words: [...words].sort(), suffixes: [...new Set(suffixes)].sort(), shapes: [...new Set(shapes)].sort() };
}

/** The TypeScript module taggerCues.generated.ts holds, for `cues` of compromise `version`. */
export function taggerCuesModule(cues: TaggerCues, version: string): string {
  const lines: string[] = [];
  for (const word of cues.words) {
    if (lines.length > 0 && lines.at(-1)!.length + word.length < 100) lines[lines.length - 1] += ` ${word}`;
    else lines.push(word);
  }
  return [
    `// Generated from compromise ${version}'s tagging model by tools/taggerCues: \`npm run build && node dist/tools/taggerCues/cli.js\`.`,
    '// Do not edit: tests/domain/safeguarding/taggerCues.spec.ts fails when it no longer matches the installed compromise.',
    '',
    '/** What can make compromise tag a person (tools/taggerCues/extract.ts): words, surname endings and shapes. */',
    'export const TAGGER_CUES: { readonly words: string; readonly suffixes: string; readonly shapes: readonly string[] } = {',
    `  words: [\n${lines.map((line) => `    ${JSON.stringify(line)},`).join('\n')}\n  ].join(' '),`,
    `  suffixes: ${JSON.stringify(cues.suffixes.join(' '))},`,
    `  shapes: ${JSON.stringify(cues.shapes)},`,
    '};',
    '',
  ].join('\n');
}
