import { z } from 'zod';
import { HUB_ID_PATTERN } from '../../contracts/api/identity';
import { parseHubConnectionString } from '../hub/connection-string';

// The hubs one proxy serves (docs/proxy.md, "Several hubs"): the `HUBS` variable, a JSON array,
// validated with the rest of the environment so a bad field of any hub is in the one start-up
// message. Pure: proxy-env.ts calls it, main.ts turns the result into ProxyOptions.hubs.

// Lower-case letters, digits and dashes: the id is a URL segment and a log field.
export const HubId = z
  .string()
  .regex(HUB_ID_PATTERN, 'must be 1-40 lower-case letters, digits or dashes, not starting with -');

export const HOST_NAME_PATTERN = /^[a-zA-Z0-9_\-.]+(:[0-9]{1,5})?$/;

export const USER_ASSIGNED_IDENTITY_PATTERN =
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\/[^/]+$/i;

export const connectionStringField = z.string().superRefine((value, ctx) => {
  try {
    parseHubConnectionString(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : 'invalid' });
  }
});

const roleValues = z.array(z.string().trim().min(1)).default([]);

const HubEntry = z
  .object({
    id: HubId,
    displayName: z.string().trim().min(1).max(80),
    connectionString: connectionStringField.optional(),
    hostName: z
      .string()
      .regex(HOST_NAME_PATTERN, 'must be a host name, e.g. my-hub.azure-devices.net')
      .optional(),
    auth: z
      .enum(['connectionString', 'identity'], { error: 'must be connectionString or identity' })
      .optional(),
    apiVersion: z.string().trim().min(1).optional(),
    deviceCap: z.number().int().positive().optional(),
    jobStorage: z
      .object({
        type: z.enum(['keyBased', 'identityBased'], {
          error: 'must be keyBased or identityBased',
        }),
        userAssignedIdentity: z
          .string()
          .regex(
            USER_ASSIGNED_IDENTITY_PATTERN,
            'must be the ARM resource id of a user-assigned managed identity',
          )
          .optional(),
      })
      .strict()
      .optional(),
    /** Role values (in the token's `roles`) that make the caller an admin of this hub only. */
    adminRoles: roleValues,
    supportRoles: roleValues,
  })
  .strict()
  .superRefine((hub, ctx) => {
    const auth = hubAuthOf(hub.auth, hub.hostName, hub.connectionString);
    if (auth === 'connectionString' && !hub.connectionString)
      ctx.addIssue({
        code: 'custom',
        path: ['connectionString'],
        message: 'required (or auth "identity" and hostName)',
      });
    if (auth === 'identity' && !hub.hostName)
      ctx.addIssue({
        code: 'custom',
        path: ['hostName'],
        message: 'required with auth "identity"',
      });
    if (hub.jobStorage?.userAssignedIdentity && hub.jobStorage.type !== 'identityBased')
      ctx.addIssue({
        code: 'custom',
        path: ['jobStorage', 'userAssignedIdentity'],
        message: 'only used with type "identityBased"',
      });
  });

export const HubsJson = z
  .string()
  .transform((text, ctx): unknown => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON array of hubs' });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .array(HubEntry, { error: 'must be a JSON array of hubs' })
      .min(1, 'must list at least one hub')
      .superRefine((hubs, ctx) => {
        const seen = new Set<string>();
        hubs.forEach((hub, index) => {
          if (seen.has(hub.id))
            ctx.addIssue({
              code: 'custom',
              path: [index, 'id'],
              message: `"${hub.id}" is used by an earlier hub`,
            });
          seen.add(hub.id);
        });
      }),
  );
export type HubEntry = z.output<typeof HubEntry>;

/** A connection string when one is given, else the hub's identity path (a host name). */
export function hubAuthOf(
  auth: string | undefined,
  hostName: string | undefined,
  connectionString: string | undefined,
): 'connectionString' | 'identity' {
  if (auth === 'connectionString' || auth === 'identity') return auth;
  return hostName && !connectionString ? 'identity' : 'connectionString';
}

export type HubAccessConfig =
  | { kind: 'connectionString'; connectionString: string; hostName: string }
  | { kind: 'identity'; hostName: string };

export function hubAccessOf(
  auth: string | undefined,
  hostName: string | undefined,
  connectionString: string | undefined,
): HubAccessConfig {
  if (hubAuthOf(auth, hostName, connectionString) === 'identity' && hostName)
    return { kind: 'identity', hostName };
  const text = connectionString ?? '';
  return {
    kind: 'connectionString',
    connectionString: text,
    hostName: parseHubConnectionString(text).hostName,
  };
}

export type JobStorageConfig =
  { type: 'keyBased' } | { type: 'identityBased'; userAssignedIdentity?: string };

/** One hub as main.ts wires it: how to reach it, its job storage, cap and per-hub roles. */
export interface HubConfig {
  id: string;
  displayName: string;
  access: HubAccessConfig;
  apiVersion?: string;
  deviceCap?: number;
  jobStorage: JobStorageConfig;
  adminRoles: string[];
  supportRoles: string[];
}

export function jobStorageOf(
  type: 'keyBased' | 'identityBased' | undefined,
  userAssignedIdentity: string | undefined,
): JobStorageConfig {
  if (type !== 'identityBased') return { type: 'keyBased' };
  return { type: 'identityBased', ...(userAssignedIdentity ? { userAssignedIdentity } : {}) };
}

export function hubConfigOf(entry: HubEntry): HubConfig {
  return {
    id: entry.id,
    displayName: entry.displayName,
    access: hubAccessOf(entry.auth, entry.hostName, entry.connectionString),
    ...(entry.apiVersion ? { apiVersion: entry.apiVersion } : {}),
    ...(entry.deviceCap ? { deviceCap: entry.deviceCap } : {}),
    jobStorage: jobStorageOf(entry.jobStorage?.type, entry.jobStorage?.userAssignedIdentity),
    adminRoles: entry.adminRoles,
    supportRoles: entry.supportRoles,
  };
}
