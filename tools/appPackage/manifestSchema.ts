import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import type { Json } from './placeholders';

/**
 * Validates a Teams app manifest against the schema its `$schema` names, read from the copy that
 * ships inside @microsoft/app-manifest (v1.0–v1.30). Never fetched: these machines have no
 * internet, and a build should not depend on developer.microsoft.com being up. A schema that
 * is not shipped is a validation error, not a network call.
 */
const TEAMS_SCHEMA_URL = /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/teams\/(v\d+\.\d+)\/MicrosoftTeams\.schema\.json$/i;

const schemasFolder = join(dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas', 'teams');

/** The local schema file for a manifest's $schema URL, or undefined when it is not shipped. */
export function localSchemaPath(schemaUrl: unknown): string | undefined {
  const version = typeof schemaUrl === 'string' ? TEAMS_SCHEMA_URL.exec(schemaUrl)?.[1] : undefined;
  if (!version) return undefined;
  const path = join(schemasFolder, version, 'MicrosoftTeams.schema.json');
  return existsSync(path) ? path : undefined;
}

/** Schema errors as "/path message", or [] for a valid manifest. */
export async function manifestSchemaErrors(manifest: Json): Promise<string[]> {
  if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest)) return ['the manifest is not a JSON object'];
  const schemaPath = localSchemaPath(manifest.$schema);
  if (!schemaPath) {
    return [`$schema ${JSON.stringify(manifest.$schema)} is not a Teams manifest schema shipped with @microsoft/app-manifest, so it cannot be checked offline`];
  }
  // Some schemas escape control characters as \a or \v, which JSON.parse rejects (the package does the same).
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b'));
  return AppManifestUtils.validateAgainstSchema(manifest as unknown as AppManifest, schema);
}
