import { app, authentication } from '@microsoft/teams-js';

export type ThemeName = 'default' | 'dark' | 'contrast';

/** Where the tab runs: inside Teams (with its context) or standalone for local work. */
export interface Host {
  readonly inTeams: boolean;
  readonly theme: ThemeName;
  /** The Teams team id (19:…@thread.tacv2), or ?teamId= outside Teams. */
  readonly teamId: string | null;
  /** `organisation`: the organisation view on its own (?view=organisation), for a static tab the manifest may add. */
  readonly view: 'channel' | 'personal' | 'config' | 'organisation';
  /** Live theme changes from Teams; a no-op outside Teams. */
  onThemeChange(handler: (theme: ThemeName) => void): void;
  /** A bearer token for our API in Teams; null outside Teams (local mode on loopback). */
  getToken(): Promise<string | null>;
}

/**
 * In a top-level window (standalone, local mode) initialize() rejects at once or never settles.
 * Framed, only the host can answer, and a slow Teams client (mobile, a cold start) can take
 * seconds: giving up there would drop a Teams user into standalone mode, signed out.
 */
const INITIALIZE_TIMEOUT_MS = { topLevel: 2000, framed: 15000 };

function toThemeName(value: string | null | undefined): ThemeName {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

function viewFrom(params: URLSearchParams): Host['view'] {
  const view = params.get('view');
  return view === 'personal' || view === 'config' || view === 'organisation' ? view : 'channel';
}

async function initializeTeams(): Promise<boolean> {
  let timer: number | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = window.setTimeout(() => resolve(false), window.parent === window ? INITIALIZE_TIMEOUT_MS.topLevel : INITIALIZE_TIMEOUT_MS.framed);
  });
  try {
    return await Promise.race([app.initialize().then(() => true, () => false), timeout]);
  } finally {
    window.clearTimeout(timer);
  }
}

export async function connectHost(location: Location = window.location): Promise<Host> {
  const params = new URLSearchParams(location.search);
  const view = viewFrom(params);
  if (!(await initializeTeams())) {
    return {
      inTeams: false,
      theme: toThemeName(params.get('theme')),
      teamId: params.get('teamId'),
      view,
      onThemeChange: () => undefined,
      getToken: async () => null,
    };
  }
  const context = await app.getContext();
  return {
    inTeams: true,
    theme: toThemeName(context.app.theme),
    teamId: context.team?.internalId ?? null,
    view: context.page.frameContext === 'settings' ? 'config' : view,
    onThemeChange: (handler) => app.registerOnThemeChangeHandler((theme) => handler(toThemeName(theme))),
    getToken: () => authentication.getAuthToken(),
  };
}

/**
 * Tells Teams the tab has loaded (hides its loading indicator). If Teams does not take the notice,
 * it shows its own error in the tab's place; the tab can only report it in the browser's console.
 */
export function notifyLoaded(host: Host): void {
  if (host.inTeams) app.notifySuccess().catch((error: unknown) => console.error('Teams did not take the loaded notice', error));
}
