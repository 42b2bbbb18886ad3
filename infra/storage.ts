import type * as pulumi from '@pulumi/pulumi';
import * as storage from '@pulumi/azure-native/storage/index.js';

// The storage account that holds one container per operation, the operations index (tables) and
// the queue of operations waiting for a hub's job slot. Shared-key access is off: the proxy and the
// hub reach it with Entra identities only, and every SAS the proxy mints is a user-delegation SAS.

export interface ConsoleStorageArgs {
  resourceGroupName: pulumi.Input<string>;
  location: pulumi.Input<string>;
  accountName: string;
  /** The console's origin: browsers upload to and download from the account directly. */
  spaOrigin: pulumi.Input<string>;
  exportFileRetentionDays: number;
  importFileRetentionDays: number;
}

/** Container name prefixes of operations (docs/proxy.md, "Storage: one container per operation"). */
export const OPERATION_CONTAINER_PREFIXES = { exports: 'export-', imports: 'import-' } as const;

export function defineConsoleStorage(args: ConsoleStorageArgs) {
  const account = new storage.StorageAccount('storage', {
    accountName: args.accountName,
    resourceGroupName: args.resourceGroupName,
    location: args.location,
    kind: storage.Kind.StorageV2,
    sku: { name: storage.SkuName.Standard_ZRS },
    allowBlobPublicAccess: false,
    allowSharedKeyAccess: false,
    defaultToOAuthAuthentication: true,
    enableHttpsTrafficOnly: true,
    minimumTlsVersion: storage.MinimumTlsVersion.TLS1_2,
    // The hub and the admins' browsers reach the account over its public endpoint; everything is
    // still authorised per request (Entra token or a SAS minted for one blob or container).
    publicNetworkAccess: storage.PublicNetworkAccess.Enabled,
  });

  // The Storage SDK in the browser sends x-ms-* headers on block uploads and reads ETag and
  // Content-Length back; without this rule the upload fails in the browser's preflight.
  const blobService = new storage.BlobServiceProperties('blob-service', {
    accountName: account.name,
    resourceGroupName: args.resourceGroupName,
    blobServicesName: 'default',
    cors: {
      corsRules: [
        {
          allowedOrigins: [args.spaOrigin],
          allowedMethods: ['PUT', 'GET', 'HEAD', 'OPTIONS'],
          allowedHeaders: ['x-ms-*', 'content-type', 'content-length'],
          exposedHeaders: ['x-ms-*', 'etag', 'content-length', 'content-range'],
          maxAgeInSeconds: 600,
        },
      ],
    },
  });

  // Operation files (device lists, exports with keys, error logs) are deleted after a retention
  // period; the containers and their metadata, which are the audit trail, stay.
  const lifecycle = new storage.ManagementPolicy('operation-file-retention', {
    accountName: account.name,
    resourceGroupName: args.resourceGroupName,
    managementPolicyName: 'default',
    policy: {
      rules: [
        retentionRule(
          'export-files',
          OPERATION_CONTAINER_PREFIXES.exports,
          args.exportFileRetentionDays,
        ),
        retentionRule(
          'import-files',
          OPERATION_CONTAINER_PREFIXES.imports,
          args.importFileRetentionDays,
        ),
      ],
    },
  });

  return { account, blobService, lifecycle };
}

function retentionRule(name: string, containerPrefix: string, days: number) {
  return {
    name,
    enabled: true,
    type: storage.RuleType.Lifecycle,
    definition: {
      filters: { blobTypes: ['blockBlob'], prefixMatch: [containerPrefix] },
      actions: { baseBlob: { delete: { daysAfterModificationGreaterThan: days } } },
    },
  };
}
