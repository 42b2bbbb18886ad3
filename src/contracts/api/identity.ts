import { z } from 'zod';

/**
 * Per-device reads past this many devices take longer than an export with keys and spend most of
 * the hub's read budget: the lookup limit may be lowered, not raised beyond it.
 */
export const REGISTRY_LOOKUP_PLAN_MAX = 10_000;

export const AppRole = z.enum(['admin', 'support']);
export type AppRole = z.infer<typeof AppRole>;

/** GET /api/me */
export const MeResponse = z.object({
  name: z.string(),
  username: z.string(),
  objectId: z.string(),
  roles: z.array(AppRole),
});
export type MeResponse = z.infer<typeof MeResponse>;

/** Hub ids are URL segments (`/api/hubs/{hubId}/...`, `/hubs/{hubId}/...` in the SPA). */
export const HUB_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** One hub the proxy serves, as /config.json and GET /api/hubs name it. */
export const HubSummary = z.object({
  id: z.string().regex(HUB_ID_PATTERN),
  displayName: z.string(),
  hostName: z.string(),
});
export type HubSummary = z.infer<typeof HubSummary>;

/** GET /api/hubs: the hubs the caller holds a role on, in configuration order. */
export const HubListResponse = z.object({
  hubs: z.array(
    HubSummary.extend({
      /** The caller's role on this hub; admin when both are held. */
      role: AppRole,
    }),
  ),
});
export type HubListResponse = z.infer<typeof HubListResponse>;

/**
 * GET /config.json: public, non-secret settings the SPA needs before it can sign in. Served by the
 * proxy from its configuration so one build runs against the local authority and against Entra ID.
 */
export const SpaConfig = z.object({
  auth: z.object({
    clientId: z.string(),
    authority: z.string().url(),
    knownAuthorities: z.array(z.string()),
    apiScope: z.string(),
  }),
  storageEndpoint: z.string().url(),
  /** The first hub's host name (the one the unprefixed routes serve). */
  hubHostName: z.string(),
  /** Every hub the proxy serves, first one first; the server fills it from its configuration. */
  hubs: z.array(HubSummary).default([]),
  plan: z
    .object({
      /**
       * An export with keys younger than this is used as the registry snapshot of a large plan
       * (docs/plan-and-undo.md, "Where the plan reads the registry").
       */
      snapshotMaxAgeMinutes: z.number().int().positive().default(15),
      /** Up to this many devices a plan reads them one by one; above it, from an export. */
      lookupLimit: z.number().int().positive().max(REGISTRY_LOOKUP_PLAN_MAX).default(1000),
    })
    .prefault({}),
});
export type SpaConfig = z.infer<typeof SpaConfig>;
/** What a server is given; defaults filled in by the schema. */
export type SpaConfigInput = z.input<typeof SpaConfig>;
export type PlanSettings = SpaConfig['plan'];
