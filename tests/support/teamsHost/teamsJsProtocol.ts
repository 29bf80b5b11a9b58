/**
 * What a Teams client says to a tab, as @microsoft/teams-js 2.58 expects it (read from its
 * dist/esm source, internal/communication.js, appHelpers.js, handlers.js, authentication.js,
 * pages/config.js and pagesHelpers.js):
 *
 * - The tab posts `{ id, uuidAsString, func, args, … }` to its parent window. A reply is
 *   `{ id, uuidAsString, args }` with the same id and uuid; teams-js finds the waiting call by the
 *   uuid (and forgets its id-only map when a reply carries one, so every reply echoes both).
 * - The host starts a call in the tab with `{ func, args }` (no id): a handler such as
 *   `themeChange` or `settings.save`.
 * - Some calls get no reply (`registerHandler`, `settings.setValidityState`,
 *   `appInitialization.success` when the runtime does not declare `app.notifySuccessResponse`).
 */

export type TeamsTheme = 'default' | 'dark' | 'contrast';
export type FrameContext = 'content' | 'settings';

/** A message from the tab, as posted (teams-js serialises its UUID as `uuidAsString`). */
export interface TabMessage {
  readonly id: number;
  readonly uuidAsString?: string;
  readonly func: string;
  readonly args?: unknown[];
}

export interface HostReply {
  readonly id: number;
  readonly uuidAsString?: string;
  readonly args: unknown[];
}

/** A call the host starts in the tab. */
export interface HostEvent {
  readonly func: string;
  readonly args: unknown[];
}

/** The context fields Teams sends, under their wire names (teams-js maps them to app.Context). */
export interface WireContext {
  readonly locale: string;
  readonly userObjectId: string;
  readonly userPrincipalName: string;
  readonly loginHint: string;
  readonly tid: string;
  readonly teamId?: string;
  readonly teamName?: string;
  readonly groupId?: string;
  readonly channelId?: string;
  readonly channelName?: string;
  readonly channelType?: string;
  readonly entityId?: string;
}

/** What a tab asks Teams to keep for it when its configuration page saves (pages.config.setConfig). */
export interface TabSettings {
  readonly contentUrl?: string;
  readonly websiteUrl?: string;
  readonly entityId?: string;
  readonly suggestedDisplayName?: string;
  readonly removeUrl?: string;
}

/** How this host answers: the frame the tab is in, who is signed in, and what it accepts. */
export interface HostState {
  readonly frameContext: FrameContext;
  theme: TeamsTheme;
  readonly context: WireContext;
  /** Teams' SSO token for the app; a rejection becomes getAuthToken's failure (its message the reason). */
  authToken(): Promise<string>;
  /** null accepts the settings; a string refuses them with that reason. */
  refuseSettings(settings: TabSettings): string | null;
}

/**
 * The capabilities this host declares (runtime apiVersion 4): pages and pages.config, which
 * setConfig, setValidityState and registerOnSaveHandler check. Context, theme and SSO need none.
 */
const RUNTIME_CONFIG = { apiVersion: 4, isLegacyTeams: false, supports: { pages: { config: {} } } } as const;

/** Calls this host understands but does not answer, as Teams does not. */
const ONE_WAY = new Set([
  'registerHandler',
  'appInitialization.appLoaded',
  'appInitialization.success',
  'appInitialization.failure',
  'appInitialization.expectedFailure',
  'settings.setValidityState',
  'settings.save.success',
  'settings.save.failure',
]);

export type Answer = { kind: 'reply'; args: unknown[] } | { kind: 'none' } | { kind: 'unknown' };

/** The host's answer to one message from the tab. */
export async function answer(message: TabMessage, state: HostState): Promise<Answer> {
  const args = message.args ?? [];
  switch (message.func) {
    case 'initialize':
      // [frame context, host client type, runtime config (JSON), SDK version the host supports: the tab's own]
      return reply(state.frameContext, 'web', JSON.stringify(RUNTIME_CONFIG), typeof args[0] === 'string' ? args[0] : '2.0.1');
    case 'getContext':
      return reply({ ...state.context, theme: state.theme, frameContext: state.frameContext, hostClientType: 'web', hostName: 'Teams' });
    case 'authentication.getAuthToken':
      try {
        return reply(true, await state.authToken());
      } catch (error) {
        return reply(false, (error as Error).message);
      }
    case 'settings.setSettings': {
      const refusal = state.refuseSettings(args[0] ?? {});
      return refusal === null ? reply(true) : reply(false, refusal);
    }
    default:
      return ONE_WAY.has(message.func) ? { kind: 'none' } : { kind: 'unknown' };
  }
}

function reply(...args: unknown[]): Answer {
  return { kind: 'reply', args };
}

export function replyTo(message: TabMessage, args: unknown[]): HostReply {
  return { id: message.id, uuidAsString: message.uuidAsString, args };
}

/** Teams' theme changed (handlers.js: themeChange calls the tab's registered handler). */
export const themeChange = (theme: TeamsTheme): HostEvent => ({ func: 'themeChange', args: [theme] });

/** The person selected Save on the configuration page (pages/config.js: settings.save). */
export const settingsSave = (): HostEvent => ({ func: 'settings.save', args: [{}] });
