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

export const ROLES = { admin: 'IotBulk.Admin', support: 'IotBulk.Support' } as const;
export type RoleValue = (typeof ROLES)[keyof typeof ROLES];

export interface TestUser {
  username: string;
  password: string;
  name: string;
  /** Entra's object id: stable across restarts so audit records and tests can name the user. */
  oid: string;
  roles: RoleValue[];
}

export const TEST_USERS: readonly TestUser[] = [
  {
    username: 'admin',
    password: 'admin-local',
    name: 'Ada Admin',
    oid: '0a7d3c1e-5b2f-4e8a-9c61-3f4b2d7e8a01',
    roles: [ROLES.admin],
  },
  {
    username: 'support',
    password: 'support-local',
    name: 'Sam Support',
    oid: '5c2e9b4a-7d13-4f6e-8a25-1b9c0d3e6f02',
    roles: [ROLES.support],
  },
];

export const DEFAULT_PORTS = { app: 4280, oidc: 4281, hub: 4282, azurite: 10000 } as const;

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
export const DATA_DIRS = { tls: 'tls', oidc: 'oidc', azurite: 'azurite', hub: 'hub' } as const;

/**
 * The hub's shared access policy whose connection string the proxy gets: RegistryRead +
 * RegistryWrite for the job calls, cancel and device statistics, ServiceConnect for the twin reads
 * of the registry lookup that a plan needs; never iothubowner's DeviceConnect (docs/dev-stack.md).
 */
export const PROXY_HUB_POLICY = 'bulkConsole';
