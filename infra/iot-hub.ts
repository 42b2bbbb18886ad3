import * as pulumi from '@pulumi/pulumi';
import * as iothub from '@pulumi/azure-native/iothub/index.js';

// The hub, with a system-assigned identity so import/export jobs can reach storage with
// `storageAuthenticationType: identityBased` (docs/deploy.md) instead of a SAS.

export interface ConsoleHubArgs {
  resourceGroupName: pulumi.Input<string>;
  location: pulumi.Input<string>;
  name: string;
  sku: 'S1' | 'S2' | 'S3';
  units: number;
}

export function defineConsoleHub(args: ConsoleHubArgs) {
  const hub = new iothub.IotHubResource('hub', {
    resourceName: args.name,
    resourceGroupName: args.resourceGroupName,
    location: args.location,
    sku: { name: args.sku, capacity: args.units },
    identity: { type: iothub.ResourceIdentityType.SystemAssigned },
    properties: { minTlsVersion: '1.2' },
  });
  // The registry-read-write policy's connection string, for deployments whose proxy still reaches
  // the hub with a policy key; kept as a Container Apps secret, never in a plain setting.
  const registryConnectionString = pulumi.secret(
    pulumi
      .all([hub.name, hub.properties, args.resourceGroupName])
      .apply(async ([resourceName, properties, resourceGroupName]) => {
        const key = await iothub.listIotHubResourceKeysForKeyName({
          resourceName,
          resourceGroupName,
          keyName: 'registryReadWrite',
        });
        return `HostName=${properties.hostName};SharedAccessKeyName=${key.keyName};SharedAccessKey=${key.primaryKey}`;
      }),
  );
  const hostName = hub.properties.apply((properties) => properties.hostName ?? '');
  const principalId = hub.identity.apply((identity) => identity?.principalId ?? '');
  return { hub, hostName, principalId, registryConnectionString };
}
