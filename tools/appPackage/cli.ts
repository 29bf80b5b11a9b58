import { resolve } from 'node:path';
import { projectRoot } from '../../bot/shared/projectRoot';
import { buildAppPackage, type BuildAppPackageOptions } from './buildAppPackage';
import { displayPath } from './displayPath';
import { isAppPackageError } from './errors';

/**
 * `npm run package -- --env dev`: builds appPackage/build/appPackage.dev.zip from
 * appPackage/manifest.json and env/.env.dev. Exit code 1 with every problem named otherwise.
 */
const USAGE = 'Usage: npm run package -- --env <environment>   (for example --env dev)';

interface CliStreams {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** Reads `--env dev` or `--env=dev`; also `--env-dir` and `--out-dir` (for tests and scripts). */
export function parseArguments(argv: readonly string[]): Omit<BuildAppPackageOptions, 'root'> | string {
  const flags: Record<string, string> = {};
  const rest = [...argv];
  while (rest.length) {
    const argument = rest.shift()!;
    const match = /^--(env|env-dir|out-dir)(?:=(.*))?$/.exec(argument);
    if (!match) return `Unknown argument "${argument}".`;
    const value = match[2] ?? rest.shift();
    if (!value) return `--${match[1]} needs a value.`;
    flags[match[1]!] = value;
  }
  if (!flags.env) return 'Say which environment to package.';
  return {
    env: flags.env,
    ...(flags['env-dir'] ? { envDir: resolve(flags['env-dir']) } : {}),
    ...(flags['out-dir'] ? { outDir: resolve(flags['out-dir']) } : {}),
  };
}

export async function runCli(argv: readonly string[], streams: CliStreams, root = projectRoot()): Promise<number> {
  const parsed = parseArguments(argv);
  if (typeof parsed === 'string') {
    streams.err(`${parsed}\n${USAGE}\n`);
    return 2;
  }
  try {
    const built = await buildAppPackage({ ...parsed, root });
    streams.out(`Built ${displayPath(root, built.zipPath)} from appPackage/manifest.json and ${built.envFiles.join(' + ')}.\n` +
      'Upload it in Teams (Apps > Manage your apps > Upload an app) or in the Teams admin centre (Teams apps > Manage apps > Upload new app).\n');
    return 0;
  } catch (error) {
    if (!isAppPackageError(error)) throw error;
    streams.err(`${error.message}\n`);
    return 1;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) })
    .then((code) => { process.exitCode = code; }, (error: unknown) => {
      process.stderr.write(`The app package could not be built: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    });
}
