import type * as pulumi from '@pulumi/pulumi';
import * as iothub from '@pulumi/azure-native/iothub/index.js';

// The hub, with a system-assigned identity so import/export jobs can reach storage with
// `storageAuthenticationType: identityBased` (docs/deploy.md) instead of a SAS. No policy key is
// read: the proxy reaches the hub with its own identity.

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
  const hostName = hub.properties.apply((properties) => properties.hostName ?? '');
  const principalId = hub.identity.apply((identity) => identity?.principalId ?? '');
  return { hub, hostName, principalId };
}
