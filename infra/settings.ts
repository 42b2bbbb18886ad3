import { z } from 'zod';

// What a deployment chooses, validated in one pass so `pulumi up` stops before creating anything
// when a value is missing or malformed. index.ts reads these from the stack's Pulumi config; tests
// pass them directly. docs/deploy.md explains each one.

const guid = z.guid({ error: 'must be a GUID' });

export const ConsoleSettings = z.object({
  /** Short lower-case prefix for resource names; storage account names allow only [a-z0-9]. */
  namePrefix: z.string().regex(/^[a-z][a-z0-9]{2,11}$/, '3-12 lower-case letters and digits'),
  location: z.string().min(1),
  /** The container image of the proxy with the built SPA (Dockerfile at the repository root). */
  proxyImage: z.string().min(1),
  /** Registry the image is pulled from with the proxy's identity; omit for a public image. */
  imageRegistryServer: z.string().min(1).optional(),
  /** ARM id of that registry when it is an Azure Container Registry: the proxy gets AcrPull on it. */
  imageRegistryResourceId: z.string().startsWith('/subscriptions/').optional(),
  /** Origin the admins open; omitted, the container app's own address is used. */
  spaOrigin: z.url({ protocol: /^https$/, error: 'must be an https:// origin' }).optional(),
  entra: z.object({
    tenantId: guid,
    apiClientId: guid,
    spaClientId: guid,
    adminRole: z.string().min(1).default('Console.Admin'),
    supportRole: z.string().min(1).default('Console.Support'),
  }),
  hub: z.object({
    sku: z.enum(['S1', 'S2', 'S3']).default('S1'),
    units: z.number().int().min(1).max(200).default(1),
    /** The hub's device quota (1,000,000 unless Azure support raised it); the hub's API does not say it. */
    deviceCap: z.number().int().positive().default(1_000_000),
  }),
  replicas: z
    .object({ min: z.number().int().min(2).default(2), max: z.number().int().min(2).default(4) })
    .refine((value) => value.max >= value.min, 'max must be at least min'),
  /** Files of exports may hold device keys; the containers and their audit metadata stay. */
  exportFileRetentionDays: z.number().int().min(1).default(30),
  importFileRetentionDays: z.number().int().min(1).default(90),
});
export type ConsoleSettings = z.output<typeof ConsoleSettings>;
export type ConsoleSettingsInput = z.input<typeof ConsoleSettings>;

export function readConsoleSettings(raw: unknown): ConsoleSettings {
  const result = ConsoleSettings.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `  - ${issue.path.join('.')}: ${issue.message}`,
  );
  throw new Error(`The deployment settings are invalid:\n${problems.join('\n')}`);
}
