import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AppPackageError } from './errors';
import { iconProblems, type IconKind } from './iconRules';
import type { Json } from './placeholders';

export interface ReadPackageIconsOptions {
  /** The filled, schema-valid manifest: its `icons` name the two files. */
  readonly manifest: Json;
  readonly appPackageDir: string;
  readonly shown: (path: string) => string;
}

/** The icons the manifest names, checked against Teams' rules, keyed by their name in the zip. */
export function readPackageIcons({ manifest, appPackageDir, shown }: ReadPackageIconsOptions): Record<string, Uint8Array> {
  const names = (manifest as { icons: Record<IconKind, string> }).icons;
  const files: Record<string, Uint8Array> = {};
  const problems: string[] = [];
  for (const kind of ['color', 'outline'] as const) {
    const name = names[kind];
    const path = join(appPackageDir, name);
    // Teams reads the icons from the zip's root, next to manifest.json.
    if (basename(name) !== name) problems.push(`icons.${kind} must name a file next to manifest.json, not "${name}"`);
    else if (!existsSync(path)) problems.push(`${shown(path)} (icons.${kind}) does not exist`);
    else {
      const bytes = readFileSync(path);
      problems.push(...iconProblems(kind, shown(path), bytes));
      files[name] = bytes;
    }
  }
  if (problems.length) throw new AppPackageError('The icons are not what Teams accepts; no package was written.', problems);
  return files;
}
