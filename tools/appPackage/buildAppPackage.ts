import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../bot/shared/projectRoot';
import { displayPath } from './displayPath';
import { readEnvironment } from './envFiles';
import { AppPackageError } from './errors';
import { manifestSchemaErrors } from './manifestSchema';
import { readPackageIcons } from './packageIcons';
import { fillPlaceholders, hasPlaceholder, type Json } from './placeholders';
import { zipAppPackage } from './zipPackage';

export interface BuildAppPackageOptions {
  /** The Agents Toolkit environment: reads env/.env.<env> (and .user). */
  readonly env: string;
  readonly root?: string;
  /** Folder of the .env files; defaults to <root>/env. */
  readonly envDir?: string;
  /** Folder holding manifest.json and the icons it names; defaults to <root>/appPackage. */
  readonly appPackageDir?: string;
  /** Where appPackage.<env>.zip and manifest.<env>.json go; defaults to <appPackageDir>/build. */
  readonly outDir?: string;
  /** Placeholders that may be empty; defaults to APP_NAME_SUFFIX (empty in production). */
  readonly mayBeEmpty?: readonly string[];
}

export interface BuiltAppPackage {
  readonly zipPath: string;
  readonly manifestPath: string;
  readonly manifest: Json;
  readonly envFiles: readonly string[];
}

/**
 * Fills the manifest from the environment, validates it and the icons offline, then writes the
 * zip Teams admins upload. Nothing is written unless everything is valid.
 */
export async function buildAppPackage(options: BuildAppPackageOptions): Promise<BuiltAppPackage> {
  const root = options.root ?? projectRoot();
  const envDir = options.envDir ?? join(root, 'env');
  const appPackageDir = options.appPackageDir ?? join(root, 'appPackage');
  const outDir = options.outDir ?? join(appPackageDir, 'build');
  const shown = (path: string) => displayPath(root, path);

  const environment = readEnvironment({ env: options.env, envDir, displayRoot: root });
  const template = readManifestTemplate(join(appPackageDir, 'manifest.json'), shown);
  const { filled, missing, empty } = fillPlaceholders(template, { values: environment.values, mayBeEmpty: options.mayBeEmpty ?? ['APP_NAME_SUFFIX'] });
  if (missing.length || empty.length) {
    const files = environment.files.join(' and ');
    throw new AppPackageError(`Cannot build the app package for "${options.env}": the manifest needs values that ${files} ${environment.files.length === 1 ? 'does' : 'do'} not give.`, [
      ...missing.map((name) => `${name} is missing`),
      ...empty.map((name) => `${name} is empty`),
    ], fillHint(options.env, [...missing, ...empty]));
  }
  if (hasPlaceholder(filled)) throw new AppPackageError('A value in the environment contains "${{", so the manifest would still hold a placeholder.');

  const schemaErrors = await manifestSchemaErrors(filled);
  if (schemaErrors.length) throw new AppPackageError(`The manifest for "${options.env}" does not match its schema; no package was written.`, schemaErrors);

  const icons = readPackageIcons({ manifest: filled, appPackageDir, shown });
  const manifestText = `${JSON.stringify(filled, null, 2)}\n`;
  mkdirSync(outDir, { recursive: true });
  const manifestPath = join(outDir, `manifest.${options.env}.json`);
  const zipPath = join(outDir, `appPackage.${options.env}.zip`);
  writeFileSync(manifestPath, manifestText);
  writeFileSync(zipPath, zipAppPackage({ 'manifest.json': Buffer.from(manifestText), ...icons }));
  return { zipPath, manifestPath, manifest: filled, envFiles: environment.files };
}

function readManifestTemplate(path: string, shown: (path: string) => string): Json {
  if (!existsSync(path)) throw new AppPackageError(`There is no manifest template at ${shown(path)}.`);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Json;
  } catch (error) {
    throw new AppPackageError(`${shown(path)} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function fillHint(env: string, names: readonly string[]): string {
  const yours = names.filter((name) => name.startsWith('DEVELOPER_'));
  const provisioned = names.filter((name) => !yours.includes(name));
  return [
    provisioned.length ? `Provisioning (\`atk provision --env ${env}\`) writes or needs ${provisioned.join(', ')}.` : '',
    yours.length ? `${yours.join(', ')}: your organisation's name and web addresses, set by hand in env/.env.${env}.` : '',
  ].filter(Boolean).join('\n');
}
