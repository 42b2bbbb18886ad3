import { z } from 'zod';
import { REGISTRY_LOOKUP_PLAN_MAX } from '../../contracts/api/identity';
import {
  HOST_NAME_PATTERN,
  HubId,
  HubsJson,
  USER_ASSIGNED_IDENTITY_PATTERN,
  connectionStringField,
  hubAccessOf,
  hubAuthOf as hubAuthFrom,
  hubConfigOf,
  jobStorageOf,
  type HubAccessConfig,
  type HubConfig,
} from './hubs-config';

// The proxy's environment, validated in one pass so a misconfigured deployment prints every bad or
// missing variable at once (docs/proxy.md lists them). Pure: main.ts passes process.env in.

const url = (what: string) =>
  z.string({ error: `required: ${what}` }).url({ error: `must be an absolute URL (${what})` });
const optionalText = z.string().trim().min(1).optional();
const csv = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );

export const ProxyEnv = z.object({
  PROXY_HOST: z.string().default('127.0.0.1'),
  PROXY_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  PROXY_STATIC_DIR: optionalText,
  PROXY_TRUSTED_CA_FILE: optionalText,
  PROXY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(30),
  BACKUP_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  PLAN_SNAPSHOT_MAX_AGE_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  PLAN_LOOKUP_LIMIT: z.coerce.number().int().min(1).max(REGISTRY_LOOKUP_PLAN_MAX).default(1000),
  PROXY_READ_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),

  JOB_MONITOR: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),

  SUPPORT_EXPORTS: z.enum(['on', 'off'], { error: 'must be on or off' }).default('off'),
  SUPPORT_EXPORT_INTERVAL_MINUTES: z.coerce.number().positive().max(1440).default(10),
  SUPPORT_EXPORT_ADMIN_GRACE_MINUTES: z.coerce.number().min(0).max(1440).default(30),

  AUTH_TENANT_ID: z.guid({ error: 'must be the Entra tenant id (a GUID)' }).optional(),
  AUTH_ISSUER: url('token issuer').optional(),
  AUTH_JWKS_URI: url('JWKS endpoint').optional(),
  AUTH_AUDIENCE: z
    .string({ error: "required: the API app registration's client id or App ID URI" })
    .min(1),
  AUTH_ROLE_ADMIN: z.string().min(1).default('Console.Admin'),
  AUTH_ROLE_SUPPORT: z.string().min(1).default('Console.Support'),
  AUTH_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(60),
  /** Client ids whose tokens are accepted (`azp`/`appid`); empty means SPA_CLIENT_ID alone. */
  AUTH_CLIENT_IDS: csv,
  AUTH_ALGORITHMS: csv.refine(
    (list) => !list.some((alg) => alg.toLowerCase() === 'none'),
    'must not contain "none"',
  ),

  /**
   * Several hubs as one JSON array (docs/proxy.md, "Several hubs"); without it the IOT_HUB_*
   * variables below make one hub, whose id is HUB_ID.
   */
  HUBS: HubsJson.optional(),
  HUB_ID: HubId.default('main'),
  HUB_DISPLAY_NAME: z.string().trim().min(1).max(80).optional(),
  IOT_HUB_CONNECTION_STRING: connectionStringField.optional(),
  IOT_HUB_API_VERSION: optionalText,
  /** `connectionString` (a shared access policy) or `identity` (Entra, DefaultAzureCredential). */
  IOT_HUB_AUTH: z
    .enum(['connectionString', 'identity'], { error: 'must be connectionString or identity' })
    .optional(),
  IOT_HUB_HOST_NAME: z
    .string()
    .regex(HOST_NAME_PATTERN, 'must be a host name, e.g. my-hub.azure-devices.net')
    .optional(),
  IOT_HUB_JOB_STORAGE_AUTH: z
    .enum(['keyBased', 'identityBased'], { error: 'must be keyBased or identityBased' })
    .default('keyBased'),
  /** ARM resource id of a user-assigned identity of the hub; the system-assigned one if unset. */
  IOT_HUB_JOB_STORAGE_IDENTITY: z
    .string()
    .regex(
      USER_ASSIGNED_IDENTITY_PATTERN,
      'must be the ARM resource id of a user-assigned managed identity',
    )
    .optional(),
  /** The hub's device cap (its tier and units decide it; the hub's API does not say it). */
  HUB_DEVICE_CAP: z.coerce.number().int().positive().optional(),

  STORAGE_ACCOUNT_NAME: z
    .string({ error: 'required: the storage account name' })
    .regex(/^[a-z0-9]{3,24}$/, '3-24 lower-case letters and digits'),
  STORAGE_BLOB_ENDPOINT: url('blob endpoint').optional(),
  STORAGE_QUEUE_ENDPOINT: url('queue endpoint').optional(),
  STORAGE_AUTH: z.enum(['key', 'identity']).optional(),
  STORAGE_ACCOUNT_KEY: optionalText,
  STORAGE_TIMEOUT_SECONDS: z.coerce.number().positive().max(120).default(5),

  SPA_CLIENT_ID: z.string({ error: "required: the SPA app registration's client id" }).min(1),
  SPA_AUTHORITY: url('MSAL authority').optional(),
  SPA_KNOWN_AUTHORITIES: csv,
  SPA_API_SCOPE: z
    .string({
      error: 'required: the scope the SPA requests, e.g. api://<api-client-id>/access_as_user',
    })
    .min(1),
});
export type ProxyEnv = z.output<typeof ProxyEnv>;

/**
 * Rules across variables, checked on the raw input so they are reported together with the
 * per-variable problems (zod skips an object's refinements once one of its fields failed).
 */
function crossFieldProblems(raw: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (!raw.AUTH_TENANT_ID && !(raw.AUTH_ISSUER && raw.AUTH_JWKS_URI)) {
    problems.push(
      'AUTH_TENANT_ID: set AUTH_TENANT_ID (Entra), or both AUTH_ISSUER and AUTH_JWKS_URI',
    );
  }
  if (!raw.AUTH_TENANT_ID && !raw.SPA_AUTHORITY)
    problems.push('SPA_AUTHORITY: required when AUTH_TENANT_ID is not set');
  problems.push(...singleHubProblems(raw));
  const auth = raw.STORAGE_AUTH ?? (raw.STORAGE_ACCOUNT_KEY ? 'key' : 'identity');
  if (auth === 'key' && !raw.STORAGE_ACCOUNT_KEY)
    problems.push('STORAGE_ACCOUNT_KEY: required when STORAGE_AUTH=key');
  return problems;
}

/** The single-hub variables, which HUBS replaces: with HUBS set, any of them is a mistake. */
const SINGLE_HUB_VARIABLES = [
  'HUB_ID',
  'HUB_DISPLAY_NAME',
  'IOT_HUB_CONNECTION_STRING',
  'IOT_HUB_API_VERSION',
  'IOT_HUB_AUTH',
  'IOT_HUB_HOST_NAME',
  'IOT_HUB_JOB_STORAGE_AUTH',
  'IOT_HUB_JOB_STORAGE_IDENTITY',
  'HUB_DEVICE_CAP',
] as const;

function singleHubProblems(raw: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (raw.HUBS) {
    for (const name of SINGLE_HUB_VARIABLES)
      if (raw[name]) problems.push(`${name}: not used when HUBS is set; put it in the hub's entry`);
    return problems;
  }
  const hubAuth = hubAuthOf(raw);
  if (hubAuth === 'connectionString' && !raw.IOT_HUB_CONNECTION_STRING)
    problems.push(
      'IOT_HUB_CONNECTION_STRING: required (a shared access policy with Registry Read, Registry Write and Service Connect), or set IOT_HUB_AUTH=identity and IOT_HUB_HOST_NAME',
    );
  if (hubAuth === 'identity' && !raw.IOT_HUB_HOST_NAME)
    problems.push('IOT_HUB_HOST_NAME: required when IOT_HUB_AUTH=identity');
  if (raw.IOT_HUB_JOB_STORAGE_IDENTITY && raw.IOT_HUB_JOB_STORAGE_AUTH !== 'identityBased')
    problems.push(
      'IOT_HUB_JOB_STORAGE_IDENTITY: only used with IOT_HUB_JOB_STORAGE_AUTH=identityBased',
    );
  return problems;
}

/** A connection string when one is given, else the hub's identity path (IOT_HUB_HOST_NAME). */
function hubAuthOf(
  raw: Partial<Record<'IOT_HUB_AUTH' | 'IOT_HUB_HOST_NAME' | 'IOT_HUB_CONNECTION_STRING', string>>,
): string {
  return hubAuthFrom(raw.IOT_HUB_AUTH, raw.IOT_HUB_HOST_NAME, raw.IOT_HUB_CONNECTION_STRING);
}

/** How the proxy reaches the single hub of the IOT_HUB_* variables, from a valid environment. */
export function resolveHubAccess(env: ProxyEnv): HubAccessConfig {
  return hubAccessOf(env.IOT_HUB_AUTH, env.IOT_HUB_HOST_NAME, env.IOT_HUB_CONNECTION_STRING);
}

/** The hubs to serve, first one first (it also answers the unprefixed routes). */
export function resolveHubs(env: ProxyEnv): HubConfig[] {
  if (env.HUBS) return env.HUBS.map(hubConfigOf);
  const access = resolveHubAccess(env);
  return [
    {
      id: env.HUB_ID,
      displayName: env.HUB_DISPLAY_NAME ?? access.hostName,
      access,
      ...(env.IOT_HUB_API_VERSION ? { apiVersion: env.IOT_HUB_API_VERSION } : {}),
      ...(env.HUB_DEVICE_CAP ? { deviceCap: env.HUB_DEVICE_CAP } : {}),
      jobStorage: jobStorageOf(env.IOT_HUB_JOB_STORAGE_AUTH, env.IOT_HUB_JOB_STORAGE_IDENTITY),
      adminRoles: [],
      supportRoles: [],
    },
  ];
}

/** `HUBS[1].id`, as a reader of the JSON would point at it. */
function pathOf(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

export type EnvResult = { ok: true; env: ProxyEnv } | { ok: false; message: string };

/**
 * `startupProblems`: what main.ts found outside the variables themselves (a CA file that cannot be
 * read), reported in the same one message.
 */
export function readProxyEnv(
  source: Record<string, string | undefined>,
  startupProblems: readonly string[] = [],
): EnvResult {
  // Treat empty strings as unset, as shells and container platforms often export them.
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = ProxyEnv.safeParse(cleaned);
  const problems = [
    ...(result.success
      ? []
      : result.error.issues.map(
          (issue) => `${pathOf(issue.path) || '(environment)'}: ${issue.message}`,
        )),
    ...crossFieldProblems(cleaned),
    ...startupProblems,
  ];
  if (result.success && problems.length === 0) return { ok: true, env: result.data };
  const lines = problems.map((problem) => `  - ${problem}`);
  return {
    ok: false,
    message: `The proxy's configuration is invalid (${lines.length} problem${lines.length === 1 ? '' : 's'}):\n${[...new Set(lines)].join('\n')}`,
  };
}

/** Entra v2 endpoints for a tenant; explicit AUTH_ISSUER / AUTH_JWKS_URI / SPA_AUTHORITY win. */
export function resolveAuthEndpoints(env: ProxyEnv): {
  issuer: string;
  jwksUri: string;
  authority: string;
} {
  const tenant = env.AUTH_TENANT_ID;
  const login = 'https://login.microsoftonline.com';
  return {
    issuer: env.AUTH_ISSUER ?? `${login}/${tenant}/v2.0`,
    jwksUri: env.AUTH_JWKS_URI ?? `${login}/${tenant}/discovery/v2.0/keys`,
    authority: env.SPA_AUTHORITY ?? `${login}/${tenant}`,
  };
}
