// Fixed identity values of the local stack. The proxy tests, the e2e journeys and the README all
// rely on these exact strings, so change them here or nowhere.

/**
 * A made-up tenant GUID; the issuer path copies Entra's `/<tenant>/v2.0` layout
 * (docs/reference/stack-facts.md#msal-against-a-local-authority).
 */
export const TENANT_ID = '6f1c2a8e-4b7d-4e59-9a3c-2d5e8f0b1c74';

export const SPA_CLIENT_ID = 'iot-bulk-console';
export const API_AUDIENCE = 'api://iot-bulk-api';
export const API_SCOPE_NAME = 'access_as_user';
export const API_SCOPE = `${API_AUDIENCE}/${API_SCOPE_NAME}`;

/** The global role values: each grants its role on every hub. */
export const ROLES = { admin: 'IotBulk.Admin', support: 'IotBulk.Support' } as const;

/** The two local hubs, first one first (the proxy's unprefixed routes serve it). */
export const LOCAL_HUBS = [
  { id: 'hub-a', displayName: 'Local hub A' },
  { id: 'hub-b', displayName: 'Local hub B' },
] as const;
export type LocalHubId = (typeof LOCAL_HUBS)[number]['id'];

/** Role values that grant a role on one local hub only (docs/proxy.md, "Several hubs"). */
export const HUB_ROLES = {
  'hub-a': { admin: 'IotBulk.HubA.Admin', support: 'IotBulk.HubA.Support' },
  'hub-b': { admin: 'IotBulk.HubB.Admin', support: 'IotBulk.HubB.Support' },
} as const satisfies Record<LocalHubId, { admin: string; support: string }>;

export type RoleValue =
  | (typeof ROLES)[keyof typeof ROLES]
  | (typeof HUB_ROLES)[LocalHubId][keyof (typeof HUB_ROLES)[LocalHubId]];

export interface TestUser {
  username: string;
  password: string;
  name: string;
  /** Entra's object id: stable across restarts so audit records and tests can name the user. */
  oid: string;
  roles: RoleValue[];
  /** What the roles give, in words, for the banner and README ("Test users"). */
  access: string;
}

export const TEST_USERS: readonly TestUser[] = [
  {
    username: 'admin',
    password: 'admin-local',
    name: 'Ada Admin',
    oid: '0a7d3c1e-5b2f-4e8a-9c61-3f4b2d7e8a01',
    roles: [ROLES.admin],
    access: 'admin on hub-a and hub-b',
  },
  {
    username: 'support',
    password: 'support-local',
    name: 'Sam Support',
    oid: '5c2e9b4a-7d13-4f6e-8a25-1b9c0d3e6f02',
    roles: [ROLES.support],
    access: 'support on hub-a and hub-b',
  },
  {
    username: 'admin-a',
    password: 'admin-a-local',
    name: 'Alex Admin-of-A',
    oid: '7e4a1c9b-2d6f-4a3e-b185-6c0d9e2f4a07',
    roles: [HUB_ROLES['hub-a'].admin],
    access: 'admin on hub-a only; no role on hub-b',
  },
];

export const DEFAULT_PORTS = {
  app: 4280,
  oidc: 4281,
  hub: 4282,
  hubB: 4283,
  azurite: 10000,
} as const;

/** The browser-facing host name: MSAL and the TLS certificate both use `localhost`. */
export const PUBLIC_HOST = 'localhost';

export function oidcOrigin(oidcPort: number): string {
  return `https://${PUBLIC_HOST}:${oidcPort}`;
}

export function issuerFor(oidcPort: number): string {
  return `${oidcOrigin(oidcPort)}/${TENANT_ID}/v2.0`;
}

/**
 * MSAL's authority in its default AAD mode: MSAL itself appends
 * `/v2.0/.well-known/openid-configuration`.
 */
export function authorityFor(oidcPort: number): string {
  return `${oidcOrigin(oidcPort)}/${TENANT_ID}`;
}

export function knownAuthorityFor(oidcPort: number): string {
  return `${PUBLIC_HOST}:${oidcPort}`;
}

/**
 * Redirect and post-logout redirect URI registered for an app origin (the SPA handles both at its
 * root).
 */
export function redirectUriFor(appOrigin: string): string {
  return `${appOrigin.replace(/\/+$/, '')}/`;
}

/** Sub-folders of the data directory (`.local/` by default). */
export const DATA_DIRS = {
  tls: 'tls',
  oidc: 'oidc',
  azurite: 'azurite',
  /** hub-a's SQLite folder: the one hub's folder from before there were two, kept. */
  hub: 'hub',
  hubB: 'hub-b',
} as const;

/**
 * The hub's shared access policy whose connection string the proxy gets: RegistryRead +
 * RegistryWrite for the job calls, cancel and device statistics, ServiceConnect for the twin reads
 * of the registry lookup that a plan needs; never iothubowner's DeviceConnect (docs/dev-stack.md).
 */
export const PROXY_HUB_POLICY = 'bulkConsole';

/**
 * The workload identities of the local stack, as Entra service principals that get app-only tokens
 * by the client credentials grant (`POST /<tenant>/oauth2/v2.0/token`, docs/dev-stack.md,
 * "Identity mode"). `hubRoles` are the IoT Hub data-plane roles the principal holds on the hub;
 * the local hub reads them from the token's `roles` claim. The secrets are local-only values.
 */
export interface ServicePrincipal {
  clientId: string;
  /** Entra's object id of the service principal: the `oid` a user-delegation key is bound to. */
  objectId: string;
  secret: string;
  hubRoles: readonly string[];
}

export const SERVICE_PRINCIPALS = {
  /** The proxy's managed identity: IoT Hub Data Contributor, Storage * Data Contributor. */
  proxy: {
    clientId: 'iot-bulk-proxy',
    objectId: '3e9b0c4d-6a1f-4b2e-8d57-9c0e1f2a3b04',
    secret: 'proxy-local-secret',
    hubRoles: ['IoT Hub Data Contributor'],
  },
  /** The hub's system-assigned identity: Storage Blob Data Contributor for identityBased jobs. */
  hub: {
    clientId: 'iot-bulk-hub-identity',
    objectId: '8f2d1a7c-3b4e-4c9a-a06d-5e7f8a9b0c05',
    secret: 'hub-local-secret',
    hubRoles: [],
  },
  /** Read-only on the hub: what a setup check reports as "cannot write the registry". */
  reader: {
    clientId: 'iot-bulk-reader',
    objectId: '1b4c7d0e-2f5a-4d8b-9e61-7a3b5c8d9e06',
    secret: 'reader-local-secret',
    hubRoles: ['IoT Hub Data Reader'],
  },
} as const satisfies Record<string, ServicePrincipal>;

/** The resources app-only tokens are issued for, as Entra names them in `aud`. */
export const TOKEN_AUDIENCES = {
  hub: 'https://iothubs.azure.net',
  storage: 'https://storage.azure.com',
} as const;

/**
 * Entra issues storage's tokens in its v1 format, issuer `https://sts.windows.net/<tenant>/`; Azurite
 * in OAuth mode accepts only issuers of that family (its `VALID_ISSUE_PREFIXES`), so the local
 * authority signs storage tokens under this name.
 */
export const STORAGE_TOKEN_ISSUER = `https://sts.windows.net/${TENANT_ID}/`;

/** Entra's token endpoint path for the tenant: `/<tenant>/oauth2/v2.0/token`. */
export const TOKEN_ENDPOINT_PATH = `/${TENANT_ID}/oauth2/v2.0/token`;
