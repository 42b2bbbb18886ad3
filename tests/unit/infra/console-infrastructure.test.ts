import { beforeAll, describe, expect, it } from 'vitest';
import { ProxyEnv, readProxyEnv } from '../../../src/proxy/config/proxy-env';
import { BUILT_IN_ROLES } from '../../../infra/role-definitions';
import { readConsoleSettings } from '../../../infra/settings';
import { recordResources, settled, type RecordedResource } from './support/pulumi-mocks';

const SETTINGS = readConsoleSettings({
  namePrefix: 'contoso',
  location: 'westeurope',
  proxyImage: 'contoso.azurecr.io/iot-bulk-console:1.0.0',
  imageRegistryServer: 'contoso.azurecr.io',
  imageRegistryResourceId:
    '/subscriptions/sub-0001/resourceGroups/shared/providers/Microsoft.ContainerRegistry/registries/contoso',
  entra: {
    tenantId: '6f1c2a8e-4b7d-4e59-9a3c-2d5e8f0b1c74',
    apiClientId: '11111111-2222-4333-8444-555555555555',
    spaClientId: '66666666-7777-4888-9999-aaaaaaaaaaaa',
  },
  hub: {},
  replicas: {},
});

let resources: RecordedResource[] = [];
const ofType = (type: string) => resources.filter((resource) => resource.type === type);
const one = (type: string): RecordedResource => {
  const found = ofType(type);
  expect(found, type).toHaveLength(1);
  return found[0] as RecordedResource;
};

beforeAll(async () => {
  resources = await recordResources();
  const { defineConsoleInfrastructure } = await import('../../../infra/console-infrastructure');
  const deployed = defineConsoleInfrastructure(SETTINGS);
  await settled(deployed.consoleUrl);
  await Promise.all(deployed.resources.grants.map((grant) => settled(grant.id)));
  await settled(deployed.resources.storage.blobService.id);
});

describe('the storage account', () => {
  it('refuses shared keys, anonymous reads and old TLS', () => {
    const account = one('azure-native:storage:StorageAccount').inputs;
    expect(account).toMatchObject({
      allowSharedKeyAccess: false,
      allowBlobPublicAccess: false,
      enableHttpsTrafficOnly: true,
      minimumTlsVersion: 'TLS1_2',
    });
  });

  it("lets only the console's origin upload from the browser, with the x-ms headers the SDK sends", () => {
    const cors = one('azure-native:storage:BlobServiceProperties').inputs.cors as {
      corsRules: { allowedOrigins: string[]; allowedMethods: string[]; allowedHeaders: string[] }[];
    };
    expect(cors.corsRules).toHaveLength(1);
    expect(cors.corsRules[0]).toMatchObject({
      allowedOrigins: ['https://proxy.example.azurecontainerapps.io'],
      allowedMethods: expect.arrayContaining(['PUT', 'GET', 'HEAD', 'OPTIONS']),
      allowedHeaders: expect.arrayContaining(['x-ms-*']),
    });
  });

  it('deletes operation files after their retention but keeps no rule on other containers', () => {
    const policy = one('azure-native:storage:ManagementPolicy').inputs.policy as {
      rules: {
        name: string;
        definition: { filters: { prefixMatch: string[] }; actions: unknown };
      }[];
    };
    const byName = Object.fromEntries(policy.rules.map((rule) => [rule.name, rule.definition]));
    expect(byName['export-files']).toMatchObject({
      filters: { prefixMatch: ['export-'] },
      actions: { baseBlob: { delete: { daysAfterModificationGreaterThan: 30 } } },
    });
    expect(byName['import-files']).toMatchObject({
      filters: { prefixMatch: ['import-'] },
      actions: { baseBlob: { delete: { daysAfterModificationGreaterThan: 90 } } },
    });
  });
});

describe('the proxy on Container Apps', () => {
  const container = () => {
    const app = one('azure-native:app:ContainerApp').inputs as {
      identity: { type: string; userAssignedIdentities: string[] };
      configuration: {
        ingress: { external: boolean; allowInsecure: boolean };
        secrets: { name: string }[];
      };
      template: {
        scale: { minReplicas: number; maxReplicas: number };
        containers: {
          env: { name: string; value?: string; secretRef?: string }[];
          probes: { httpGet: { path: string } }[];
        }[];
      };
    };
    return { app, main: app.template.containers[0] as (typeof app.template.containers)[number] };
  };

  it('runs at least two replicas behind HTTPS-only ingress with its own user-assigned identity', () => {
    const { app } = container();
    expect(app.template.scale.minReplicas).toBeGreaterThanOrEqual(2);
    expect(app.configuration.ingress).toMatchObject({ external: true, allowInsecure: false });
    expect(app.identity.type).toBe('UserAssigned');
    expect(app.identity.userAssignedIdentities).toEqual([
      '/mock/azure-native:managedidentity:UserAssignedIdentity/proxy-identity',
    ]);
  });

  it('probes liveness and readiness on the routes the proxy serves', () => {
    const { main } = container();
    expect(main.probes.map((probe) => probe.httpGet.path).sort()).toEqual(['/healthz', '/readyz']);
  });

  it("sets only settings the proxy's configuration reader knows, and they pass it", () => {
    const { main, app } = container();
    const known = new Set([...Object.keys(ProxyEnv.shape), 'AZURE_CLIENT_ID']);
    expect(main.env.map((variable) => variable.name).filter((name) => !known.has(name))).toEqual(
      [],
    );
    const secrets = new Set(app.configuration.secrets.map((secret) => secret.name));
    const environment = Object.fromEntries(
      main.env.map((variable) => {
        if (variable.secretRef === undefined) return [variable.name, variable.value];
        expect(secrets.has(variable.secretRef), variable.secretRef).toBe(true);
        return [
          variable.name,
          'HostName=h.azure-devices.net;SharedAccessKeyName=registryReadWrite;SharedAccessKey=a2V5',
        ];
      }),
    );
    const result = readProxyEnv(environment);
    expect(result.ok ? 'ok' : result.message).toBe('ok');
  });

  it('reaches the hub and the job storage by identity, with no key or connection string at all', () => {
    const { main, app } = container();
    const settings = Object.fromEntries(
      main.env.map((variable) => [variable.name, variable.value]),
    );
    expect(settings).toMatchObject({
      IOT_HUB_AUTH: 'identity',
      IOT_HUB_JOB_STORAGE_AUTH: 'identityBased',
      STORAGE_AUTH: 'identity',
      HUB_DEVICE_CAP: '1000000',
    });
    expect(settings.IOT_HUB_HOST_NAME).toBeTruthy();
    expect(
      Object.keys(settings).filter((name) => /CONNECTION_STRING|ACCOUNT_KEY/.test(name)),
    ).toEqual([]);
    expect(app.configuration.secrets).toEqual([]);
  });
});

describe('identities and roles', () => {
  const grants = () =>
    ofType('azure-native:authorization:RoleAssignment').map((grant) => ({
      principal: grant.inputs.principalId as string,
      role: String(grant.inputs.roleDefinitionId).split('/').pop(),
      scope: String(grant.inputs.scope).split('/').pop(),
    }));

  it('gives the proxy blob, queue and table data roles on the account and data access to the hub', () => {
    expect(grants().filter((grant) => grant.principal === 'proxy-identity-principal')).toEqual(
      expect.arrayContaining([
        {
          principal: 'proxy-identity-principal',
          role: BUILT_IN_ROLES.storageBlobDataContributor,
          scope: 'storage',
        },
        {
          principal: 'proxy-identity-principal',
          role: BUILT_IN_ROLES.storageQueueDataContributor,
          scope: 'storage',
        },
        {
          principal: 'proxy-identity-principal',
          role: BUILT_IN_ROLES.storageTableDataContributor,
          scope: 'storage',
        },
        {
          principal: 'proxy-identity-principal',
          role: BUILT_IN_ROLES.iotHubDataContributor,
          scope: 'hub',
        },
      ]),
    );
  });

  it("gives the hub's own identity blob data access for identity-based jobs, and nothing else", () => {
    expect(grants().filter((grant) => grant.principal === 'hub-principal')).toEqual([
      {
        principal: 'hub-principal',
        role: BUILT_IN_ROLES.storageBlobDataContributor,
        scope: 'storage',
      },
    ]);
  });

  it('gives the hub a system-assigned identity', () => {
    expect(one('azure-native:iothub:IotHubResource').inputs).toMatchObject({
      identity: { type: 'SystemAssigned' },
      sku: { name: 'S1', capacity: 1 },
    });
  });
});

describe('the settings', () => {
  it('name every bad value at once', () => {
    expect(() =>
      readConsoleSettings({
        namePrefix: 'X',
        location: '',
        entra: { tenantId: 'nope' },
        hub: {},
        replicas: { min: 1 },
      }),
    ).toThrow(
      /namePrefix[\s\S]*location[\s\S]*proxyImage[\s\S]*entra\.tenantId[\s\S]*replicas\.min/,
    );
  });
});
