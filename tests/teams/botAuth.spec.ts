import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { ManagedIdentityAppCredentials, MicrosoftAppCredentials } from 'botframework-connector';
import { loadConfig } from '../../bot/config/loadConfig';
import { botFrameworkSettingsOf } from '../../bot/teams/botbuilder/adapter';

/**
 * What the bot authenticates as is botbuilder's choice from the settings the adapter passes it.
 * These build botbuilder's own credential factory from them (as ConfigurationBotFrameworkAuthentication
 * does) and check what it would use to call Teams. Nothing here asks Entra for a token.
 */
const MANAGED_IDENTITY_CLIENT_ID = '0f1e2d3c-4b5a-4697-8877-665544332211';
const production = { NODE_ENV: 'production', HOST: '0.0.0.0', TABLES_ENDPOINT: 'https://acct.table.core.windows.net', RESPONDENT_HMAC_KEY: 'k'.repeat(32), TAB_SSO_AUDIENCE: 'a1b2c3d4-0000-4000-8000-00000000a0b0' };
const BOT_CONNECTOR_SCOPE = 'https://api.botframework.com';

describe("the bot's credentials", () => {
  it('are the user-assigned managed identity for UserAssignedMSI: app id and tenant, no secret', async () => {
    const config = loadConfig({ ...production, MicrosoftAppId: MANAGED_IDENTITY_CLIENT_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 'tenant-id' });
    const settings = botFrameworkSettingsOf(config.botAuth);
    expect(settings).toEqual({ MicrosoftAppId: MANAGED_IDENTITY_CLIENT_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 'tenant-id' });

    const factory = new ConfigurationServiceClientCredentialFactory(settings);
    expect(await factory.isAuthenticationDisabled()).toBe(false);
    expect(await factory.isValidAppId(MANAGED_IDENTITY_CLIENT_ID)).toBe(true);
    expect(await factory.isValidAppId('some-other-app')).toBe(false);
    const credentials = await factory.createCredentials(MANAGED_IDENTITY_CLIENT_ID, BOT_CONNECTOR_SCOPE, '', true);
    expect(credentials).toBeInstanceOf(ManagedIdentityAppCredentials);
    expect((credentials as ManagedIdentityAppCredentials).appId).toBe(MANAGED_IDENTITY_CLIENT_ID);
  });

  it('are the app id and its secret for SingleTenant', async () => {
    const config = loadConfig({ ...production, MicrosoftAppId: 'app-id', MicrosoftAppTenantId: 'tenant-id', MicrosoftAppPassword: 'secret' });
    const settings = botFrameworkSettingsOf(config.botAuth);
    expect(settings).toEqual({ MicrosoftAppId: 'app-id', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 'tenant-id', MicrosoftAppPassword: 'secret' });
    const credentials = await new ConfigurationServiceClientCredentialFactory(settings).createCredentials('app-id', BOT_CONNECTOR_SCOPE, '', true);
    expect(credentials).toBeInstanceOf(MicrosoftAppCredentials);
    expect(credentials).not.toBeInstanceOf(ManagedIdentityAppCredentials);
  });

  it('are none in local mode: botbuilder checks no token', async () => {
    const settings = botFrameworkSettingsOf(loadConfig({}).botAuth);
    expect(settings).toEqual({});
    expect(await new ConfigurationServiceClientCredentialFactory(settings).isAuthenticationDisabled()).toBe(true);
  });
});
