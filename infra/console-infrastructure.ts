import * as pulumi from '@pulumi/pulumi';
import * as authorization from '@pulumi/azure-native/authorization/index.js';
import * as managedidentity from '@pulumi/azure-native/managedidentity/index.js';
import * as resources from '@pulumi/azure-native/resources/index.js';
import { defineConsoleHub } from './iot-hub';
import { proxyEnvironment } from './proxy-environment';
import { defineProxyHosting } from './proxy-hosting';
import { grantRoles } from './role-assignments';
import type { ConsoleSettings } from './settings';
import { defineConsoleStorage } from './storage';

// Everything the console needs in one subscription: a resource group with the storage account,
// the hub, the proxy on Container Apps with its managed identity, and the data-role grants that
// let the proxy and the hub work without any account key (docs/deploy.md walks through it).

export function defineConsoleInfrastructure(settings: ConsoleSettings) {
  const group = new resources.ResourceGroup('console', { location: settings.location });
  const common = { resourceGroupName: group.name, location: group.location };

  const identity = new managedidentity.UserAssignedIdentity('proxy-identity', common);
  const hub = defineConsoleHub({
    ...common,
    name: `${settings.namePrefix}-hub`,
    sku: settings.hub.sku,
    units: settings.hub.units,
  });

  const storageAccountName = `${settings.namePrefix}console`;
  const hosting = defineProxyHosting({
    ...common,
    namePrefix: settings.namePrefix,
    image: settings.proxyImage,
    registryServer: settings.imageRegistryServer,
    identityId: identity.id,
    environment: proxyEnvironment({
      ...settings.entra,
      storageAccountName,
      identityClientId: identity.clientId,
      hubHostName: hub.hostName,
      hubDeviceCap: settings.hub.deviceCap,
    }),
    secrets: [],
    replicas: settings.replicas,
  });

  const spaOrigin = settings.spaOrigin ?? hosting.origin;
  const storage = defineConsoleStorage({
    ...common,
    accountName: storageAccountName,
    spaOrigin,
    exportFileRetentionDays: settings.exportFileRetentionDays,
    importFileRetentionDays: settings.importFileRetentionDays,
  });

  const subscriptionId = authorization.getClientConfigOutput().subscriptionId;
  const grants = grantRoles(subscriptionId, [
    {
      name: 'proxy-blob-data',
      principalId: identity.principalId,
      role: 'storageBlobDataContributor',
      scope: storage.account.id,
    },
    {
      name: 'proxy-queue-data',
      principalId: identity.principalId,
      role: 'storageQueueDataContributor',
      scope: storage.account.id,
    },
    {
      name: 'proxy-table-data',
      principalId: identity.principalId,
      role: 'storageTableDataContributor',
      scope: storage.account.id,
    },
    {
      name: 'proxy-hub-data',
      principalId: identity.principalId,
      role: 'iotHubDataContributor',
      scope: hub.hub.id,
    },
    {
      name: 'hub-blob-data',
      principalId: hub.principalId,
      role: 'storageBlobDataContributor',
      scope: storage.account.id,
    },
  ]);

  return {
    resourceGroupName: group.name,
    consoleUrl: pulumi.output(spaOrigin),
    hubHostName: hub.hostName,
    storageAccountName: storage.account.name,
    proxyIdentityClientId: identity.clientId,
    resources: { group, identity, hub, hosting, storage, grants },
  };
}
