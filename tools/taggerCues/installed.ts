import nlp from 'compromise/two';
import { extractTaggerCues, taggerCuesModule, type TaggerCues, type TaggerModel } from './extract';

/** The cues of the installed compromise, and the module that holds them (what the generated file must be). */
export function compromiseCues(): { readonly cues: TaggerCues; readonly source: string } {
  const cues = extractTaggerCues(nlp.model() as unknown as TaggerModel);
  return { cues, source: taggerCuesModule(cues, nlp.version) };
}
