import { z } from 'zod';

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
  hubHostName: z.string(),
});
export type SpaConfig = z.infer<typeof SpaConfig>;
