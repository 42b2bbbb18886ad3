import type * as pulumi from '@pulumi/pulumi';

// The proxy's settings in its container, named exactly as src/proxy/config/proxy-env.ts reads them
// (a test checks every name against that schema, so the two cannot drift apart).

export interface ProxyEnvironmentArgs {
  tenantId: string;
  apiClientId: string;
  spaClientId: string;
  adminRole: string;
  supportRole: string;
  storageAccountName: pulumi.Input<string>;
  /** Client id of the proxy's user-assigned identity: DefaultAzureCredential picks it by this. */
  identityClientId: pulumi.Input<string>;
  /** The hub the proxy reaches with its identity (IoT Hub Data Contributor), no key involved. */
  hubHostName: pulumi.Input<string>;
  /** The hub's device cap, for the overview and the plan's 403002 check. */
  hubDeviceCap: number;
}

export interface ContainerEnvVar {
  name: string;
  value?: pulumi.Input<string>;
  secretRef?: string;
}

/** Settings the Azure SDKs read themselves (not part of the proxy's own schema). */
export const SDK_ENVIRONMENT_NAMES = ['AZURE_CLIENT_ID'] as const;

export const PROXY_LISTEN_PORT = 8080;
export const PROXY_STATIC_DIR = '/app/dist';

export function proxyEnvironment(args: ProxyEnvironmentArgs): ContainerEnvVar[] {
  return [
    { name: 'PROXY_HOST', value: '0.0.0.0' },
    { name: 'PROXY_PORT', value: String(PROXY_LISTEN_PORT) },
    { name: 'PROXY_STATIC_DIR', value: PROXY_STATIC_DIR },
    { name: 'AUTH_TENANT_ID', value: args.tenantId },
    { name: 'AUTH_AUDIENCE', value: args.apiClientId },
    { name: 'AUTH_ROLE_ADMIN', value: args.adminRole },
    { name: 'AUTH_ROLE_SUPPORT', value: args.supportRole },
    { name: 'SPA_CLIENT_ID', value: args.spaClientId },
    { name: 'SPA_API_SCOPE', value: `api://${args.apiClientId}/access_as_user` },
    // No policy key anywhere: the proxy's Entra token for the hub, and the hub's own identity for
    // the job containers (docs/proxy.md, "Reaching the hub with an identity").
    { name: 'IOT_HUB_AUTH', value: 'identity' },
    { name: 'IOT_HUB_HOST_NAME', value: args.hubHostName },
    { name: 'IOT_HUB_JOB_STORAGE_AUTH', value: 'identityBased' },
    { name: 'HUB_DEVICE_CAP', value: String(args.hubDeviceCap) },
    { name: 'STORAGE_ACCOUNT_NAME', value: args.storageAccountName },
    { name: 'STORAGE_AUTH', value: 'identity' },
    { name: 'AZURE_CLIENT_ID', value: args.identityClientId },
  ];
}
