import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../bot/shared/projectRoot';

/** What `atk provision --env dev` leaves in env/.env.dev, plus an organisation's own details. */
export const DEV_VALUES = {
  TEAMSFX_ENV: 'dev',
  APP_NAME_SUFFIX: '" (dev)"',
  RESOURCE_SUFFIX: 'c6cf4a',
  DEVELOPER_NAME: "North Children's Services",
  DEVELOPER_WEBSITE_URL: 'https://www.north.example.gov.uk/childrens-services',
  DEVELOPER_PRIVACY_URL: 'https://www.north.example.gov.uk/privacy/practice-audit',
  DEVELOPER_TERMS_OF_USE_URL: 'https://www.north.example.gov.uk/terms',
  TEAMS_APP_ID: '3f2c8a51-7d0e-4c1b-9a66-5b2e8f1d4c70',
  TEAMS_APP_TENANT_ID: '5f3c2a10-7d4e-4b8a-9c61-2e8f0b7d4a11',
  AAD_APP_CLIENT_ID: '8d1e4b27-3c5a-4f90-b2e6-7a9c0d3f5e12',
  AAD_APP_OBJECT_ID: '2b7f9c14-6e3d-4a05-9c82-1f4e6a8d0b39',
  AAD_APP_TENANT_ID: '5f3c2a10-7d4e-4b8a-9c61-2e8f0b7d4a11',
  BOT_ID: 'c41f7e02-9b3d-4a58-8e17-2d6f0a9b3c45',
  BOT_DOMAIN: 'practiceauditc6cf4a.azurewebsites.net',
  BOT_ENDPOINT: 'https://practiceauditc6cf4a.azurewebsites.net',
} as const;

export const REPO_ROOT = projectRoot(__dirname);

export interface PackageWorkspace {
  readonly dir: string;
  readonly envDir: string;
  readonly outDir: string;
  /** A copy of the repo's appPackage/, for tests that break the template or an icon. */
  readonly appPackageDir: string;
  /** Writes env/.env.<env> (values are written as given: quote them as a .env file would). */
  writeEnv(values: Readonly<Record<string, string>>, env?: string): void;
  remove(): void;
}

export function packageWorkspace(): PackageWorkspace {
  const dir = mkdtempSync(join(tmpdir(), 'practice-audit-package-'));
  const envDir = join(dir, 'env');
  const appPackageDir = join(dir, 'appPackage');
  mkdirSync(envDir);
  cpSync(join(REPO_ROOT, 'appPackage'), appPackageDir, { recursive: true, filter: (source) => !source.includes(join('appPackage', 'build')) });
  return {
    dir,
    envDir,
    outDir: join(dir, 'out'),
    appPackageDir,
    writeEnv(values, env = 'dev') {
      writeFileSync(join(envDir, `.env.${env}`), Object.entries(values).map(([name, value]) => `${name}=${value}\n`).join(''));
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The dev values with some replaced, and any named `undefined` left out of the file. */
export function devValuesWith(changes: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const values: Record<string, string | undefined> = { ...DEV_VALUES, ...changes };
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
