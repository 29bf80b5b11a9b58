// Practice Audit in Azure: the service on App Service (Linux, Node 22 LTS) as a user-assigned
// managed identity. That identity is the bot (Azure Bot, UserAssignedMSI, Teams channel), reaches
// Table storage and the due-work queues by role (shared keys are off), and reads the respondent
// HMAC key from Key Vault.
// Telemetry goes to Application Insights; the service's JSON log lines go to the same workspace.
//
// tests/infra/azureTemplate.spec.ts checks the web app's settings against the service's
// configuration (bot/config): every setting production requires must be set here.

@minLength(4)
@maxLength(20)
@description('Base of every resource name: lowercase letters and digits only (it names the storage account), globally unique with its suffix.')
param resourceBaseName string

@maxLength(42)
@description('The bot\'s name as Teams shows it.')
param botDisplayName string

@description('Client id of the tab\'s Entra app registration (single sign-on). Its application ID URI is api://<BOT_DOMAIN>/<this id>, and its v2 tokens carry this id as their audience.')
param ssoClientId string

@secure()
@minLength(32)
@description('Key of the respondent HMAC (32 characters or more). Keep it for the life of the deployment: a new key makes every respondent a new person.')
param respondentHmacKey string

param location string = resourceGroup().location

@description('App Service plan size. B1 or above: the free and shared sizes cannot stay always on, and a cold start can outlast Teams\' 15-second wait for a card action.')
param appServiceSku string = 'B1'

@minValue(3)
@maxValue(10)
@description('Smallest group whose counts are shown (PRIVACY_THRESHOLD).')
param privacyThreshold int = 5

// Issue 12: comments, retention and the safeguarding contact. Each has the service's default, so
// production starts without them; an organisation sets its own at deployment (or later in the
// web app's settings, which restarts it).
@minValue(5)
@maxValue(20)
@description('Comments on a condition are shown once at least this many people answered it (COMMENT_THRESHOLD); never below privacyThreshold.')
param commentThreshold int = 10

@minValue(30)
@maxValue(3650)
@description('Days after a round closes that its answers and comments are deleted, its counts kept (RETENTION_DAYS).')
param retentionDays int = 400

@maxLength(500)
@description('Who to tell about a concern for a child, shown when a comment looks as if it identifies someone (SAFEGUARDING_CONTACT_TEXT); empty for the service\'s default wording.')
param safeguardingContactText string = ''

@description('An https page with the organisation\'s safeguarding procedures (SAFEGUARDING_CONTACT_URL); empty for none.')
param safeguardingContactUrl string = ''

@allowed([
  'F0'
  'S1'
])
@description('Azure Bot pricing tier: Teams is a standard channel, free on F0.')
param botServiceSku string = 'F0'

// Built-in role definitions (the same ids in every tenant).
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

// Free and shared plans refuse alwaysOn.
var plansWithoutAlwaysOn = [
  'F1'
  'FREE'
  'D1'
  'SHARED'
]
var alwaysOn = !contains(plansWithoutAlwaysOn, toUpper(appServiceSku))

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-id'
  location: location
}

// ---- Table storage: Entra (the identity's role) only, no account keys ----

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: resourceBaseName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

// Read and write entities, and create the tables (the service creates any missing at start-up).
resource tablesAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---- Queue storage: due work (close dates, reminders, recurring rounds), on the same account ----

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

// Named as the service names them from TABLES_PREFIX (its default, practiceaudit): see
// bot/storage/dueWorkQueue.ts; tests/infra/azureTemplate.spec.ts checks that they match.
resource dueWorkQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queueService
  name: 'practiceaudit-duework'
}

// Jobs the service gave up on, kept for an operator to read.
resource dueWorkPoisonQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queueService
  name: 'practiceaudit-duework-poison'
}

// On these two queues only (no other queue of the account). Contributor, because hiding a job
// again until it is due, and backing off a failed one, is Update Message (queues/messages/write),
// which neither Message Processor nor Message Sender grants; it also lets the service's start-up
// check that its queues exist (Create Queue on an existing queue) without rights on the account.
resource dueWorkQueueAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(dueWorkQueue.id, identity.id, storageQueueDataContributor)
  scope: dueWorkQueue
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource dueWorkPoisonQueueAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(dueWorkPoisonQueue.id, identity.id, storageQueueDataContributor)
  scope: dueWorkPoisonQueue
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---- Key Vault: the respondent HMAC key, read by App Service as the identity ----

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: '${resourceBaseName}-kv'
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
  }
}

resource hmacKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'respondent-hmac-key'
  properties: {
    value: respondentHmacKey
  }
}

// On this one secret only.
resource hmacKeyAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(hmacKeySecret.id, identity.id, keyVaultSecretsUser)
  scope: hmacKeySecret
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---- Monitoring ----

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

// ---- The service ----

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: appServiceSku
  }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      // The built service, as `npm start` runs it, without its prestart: the deployed folder is
      // already built (and mounted read-only), so nothing may try to build it again.
      appCommandLine: 'node dist/bot/index.js'
      alwaysOn: alwaysOn
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // App Service sets PORT (8080) itself.
      appSettings: [
        {
          name: 'NODE_ENV'
          value: 'production'
        }
        {
          name: 'HOST'
          value: '0.0.0.0'
        }
        {
          name: 'MicrosoftAppType'
          value: 'UserAssignedMSI'
        }
        {
          name: 'MicrosoftAppId'
          value: identity.properties.clientId
        }
        {
          name: 'MicrosoftAppTenantId'
          value: identity.properties.tenantId
        }
        {
          name: 'AZURE_CLIENT_ID'
          value: identity.properties.clientId
        }
        {
          name: 'TABLES_ENDPOINT'
          value: storage.properties.primaryEndpoints.table
        }
        {
          name: 'STORAGE_QUEUE_ENDPOINT'
          value: storage.properties.primaryEndpoints.queue
        }
        {
          name: 'RESPONDENT_HMAC_KEY'
          value: '@Microsoft.KeyVault(SecretUri=${hmacKeySecret.properties.secretUri})'
        }
        {
          name: 'PRIVACY_THRESHOLD'
          value: string(privacyThreshold)
        }
        {
          name: 'COMMENT_THRESHOLD'
          value: string(commentThreshold)
        }
        {
          name: 'RETENTION_DAYS'
          value: string(retentionDays)
        }
        {
          name: 'SAFEGUARDING_CONTACT_TEXT'
          value: safeguardingContactText
        }
        {
          name: 'SAFEGUARDING_CONTACT_URL'
          value: safeguardingContactUrl
        }
        {
          name: 'TAB_SSO_AUDIENCE'
          value: ssoClientId
        }
        {
          name: 'TAB_SSO_TENANT_ID'
          value: tenant().tenantId
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
        {
          // Deployments upload the built service with its node_modules: no build in Azure.
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'false'
        }
        {
          name: 'WEBSITE_RUN_FROM_PACKAGE'
          value: '1'
        }
      ]
    }
  }
  // The first start reads the key, the tables and the queues as the identity: give it its roles first.
  dependsOn: [
    tablesAccess
    dueWorkQueueAccess
    dueWorkPoisonQueueAccess
    hmacKeyAccess
  ]
}

// The service's stdout (its JSON log lines) and App Service's own logs, queryable in the workspace.
resource webAppLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'logs-to-workspace'
  scope: webApp
  properties: {
    workspaceId: logs.id
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
  }
}

// ---- The bot: Teams reaches the service as this registration, whose app is the identity ----

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botServiceSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppTenantId: identity.properties.tenantId
    msaAppMSIResourceId: identity.id
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

// The Agents Toolkit writes these into env/.env.<environment>; the app package reads them.
output BOT_ID string = identity.properties.clientId
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
