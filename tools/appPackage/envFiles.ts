import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseEnvFile } from 'dotenv';
import { displayPath } from './displayPath';
import { AppPackageError } from './errors';

export interface Environment {
  /** Values from env/.env.<name>, then env/.env.<name>.user (secrets), which wins, as the Agents Toolkit reads them. */
  readonly values: Readonly<Record<string, string>>;
  /** The files read, for messages. */
  readonly files: readonly string[];
}

export interface ReadEnvironmentOptions {
  readonly env: string;
  readonly envDir: string;
  /** Paths in messages are shown relative to this folder. */
  readonly displayRoot?: string;
}

const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** The environment names that have a file in envDir (.env.dev → dev), for "did you mean" messages. */
function knownEnvironments(envDir: string): string[] {
  if (!existsSync(envDir)) return [];
  return readdirSync(envDir)
    .map((file) => /^\.env\.([^.]+)$/.exec(file)?.[1])
    .filter((name): name is string => Boolean(name))
    .sort();
}

export function readEnvironment({ env, envDir, displayRoot = envDir }: ReadEnvironmentOptions): Environment {
  if (!ENV_NAME.test(env)) throw new AppPackageError(`"${env}" is not an environment name (letters, digits, - and _).`);
  const main = join(envDir, `.env.${env}`);
  const shown = (path: string) => displayPath(displayRoot, path);
  if (!existsSync(main)) {
    const known = knownEnvironments(envDir);
    throw new AppPackageError(`There is no ${shown(main)}: the environments here are ${known.length ? known.join(', ') : 'none'}.`);
  }
  const files = [main, `${main}.user`].filter(existsSync);
  const values: Record<string, string> = {};
  // dotenv, as the Agents Toolkit itself reads these files. Not Node's util.parseEnv: on Node 22
  // and 24 a value of only spaces swallows the next line (`A=   ` then `B=x` gives { A: 'B=x' }).
  for (const file of files) Object.assign(values, parseEnvFile(readFileSync(file, 'utf8')));
  return { values, files: files.map(shown) };
}
