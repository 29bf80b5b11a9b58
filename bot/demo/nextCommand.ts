import { existsSync } from 'node:fs';
import { settingsSchema } from '../config/settings';

/** `.data`: the folder the service and the demo use when DATA_DIR is not set. */
const DEFAULT_DATA_DIR = settingsSchema.shape.DATA_DIR.parse(undefined);

/**
 * The command line that runs `npm run <script>` on `dataDir`, to end a message with: prefixed
 * with DATA_DIR=… unless it is the default, so that it works as written. `npm run` starts every
 * script in the project's folder, so a relative folder means the same to the next command.
 */
export function npmCommand(script: 'demo' | 'dev', dataDir: string): string {
  return dataDir === DEFAULT_DATA_DIR ? `npm run ${script}` : `DATA_DIR=${shellQuoted(dataDir)} npm run ${script}`;
}

/** A folder beside `dataDir` that does not exist yet: `<dataDir>-demo`, then `-demo-2` and so on. */
export function freshDataDirBeside(dataDir: string, exists: (path: string) => boolean = existsSync): string {
  const base = `${dataDir.replace(/[/\\]+$/, '')}-demo`;
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!exists(candidate)) return candidate;
  }
}

/** As a POSIX shell reads it: plain when it is plain, otherwise in single quotes. */
function shellQuoted(text: string): string {
  return /^[\w./:@%+=,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
