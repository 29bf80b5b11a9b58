import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { projectRoot } from '../../bot/shared/projectRoot';

/**
 * `atk deploy` step: copies what the built service needs to run into a clean folder (.deploy/),
 * which then gets production dependencies only and is uploaded as it is. Sources, tests, local
 * data and env files never leave the machine, and the developer's node_modules is not pruned.
 */
const STAGED_PATHS = ['package.json', 'package-lock.json', 'dist/bot', 'tab/dist', 'scripts/ensure-build.mjs'] as const;

export interface StageDeploymentOptions {
  readonly root?: string;
  /** Defaults to <root>/.deploy; emptied first. */
  readonly target?: string;
}

export function stageDeployment({ root = projectRoot(), target = join(root, '.deploy') }: StageDeploymentOptions = {}): string {
  const missing = STAGED_PATHS.filter((path) => !existsSync(join(root, path)));
  if (missing.length) throw new Error(`Nothing staged: ${missing.join(', ')} missing. Run \`npm run build\` first.`);
  rmSync(target, { recursive: true, force: true });
  for (const path of STAGED_PATHS) {
    mkdirSync(dirname(join(target, path)), { recursive: true });
    cpSync(join(root, path), join(target, path), { recursive: true });
  }
  return target;
}

if (require.main === module) {
  try {
    const target = stageDeployment();
    process.stdout.write(`Staged the built service in ${target}.\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
