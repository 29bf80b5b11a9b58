import type { TokenCredential } from '@azure/core-auth';
import { DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';

/**
 * The Entra credential for Table storage (and due work's queues) reached by endpoint. Naming the user-assigned identity
 * (AZURE_CLIENT_ID) asks App Service's identity endpoint for exactly that identity: no chain of
 * other credentials is tried first, and a missing role shows up as that identity's error.
 * Without it, DefaultAzureCredential: a developer's Azure CLI login, or a system-assigned identity.
 */
export function tableCredentialFor(options: { managedIdentityClientId?: string }): TokenCredential {
  return options.managedIdentityClientId ? new ManagedIdentityCredential({ clientId: options.managedIdentityClientId }) : new DefaultAzureCredential();
}
