import { z } from 'zod';
import { HubRequestError } from './hub-errors';
import { parseHubAnswer } from './parse-hub-answer';
import type { HubTransport } from './hub-transport';

// Reads of single identities and twins (docs/reference/hub-wire-contract.md#device-identities,
// #query, #twins). Parsed leniently, as the hub adds fields over time; what the export shape needs
// is checked. A 404 is an answer here (the device is not there), not a failure: the caller counts
// it.

const TwinSection = z.record(z.string(), z.unknown());
const Authentication = z.record(z.string(), z.unknown());

export const HubDevice = z.object({
  deviceId: z.string().min(1),
  etag: z.string(),
  status: z.string(),
  statusReason: z.string().nullable().optional(),
  authentication: Authentication.nullable().optional(),
  capabilities: z.object({ iotEdge: z.boolean() }).nullable().optional(),
  deviceScope: z.string().nullable().optional(),
  parentScopes: z.array(z.string()).nullable().optional(),
});
export type HubDevice = z.infer<typeof HubDevice>;

/** A module identity carries no status: the hub keeps it on the module's twin. */
export const HubModule = z.object({
  deviceId: z.string().min(1),
  moduleId: z.string().min(1),
  etag: z.string(),
  authentication: Authentication.nullable().optional(),
});
export type HubModule = z.infer<typeof HubModule>;

export const HubTwin = z.object({
  etag: z.string(),
  status: z.string().optional(),
  tags: TwinSection.nullable().optional(),
  properties: z
    .object({ desired: TwinSection.optional(), reported: TwinSection.optional() })
    .optional(),
});
export type HubTwin = z.infer<typeof HubTwin>;

export interface HubRegistryClient {
  readDevice(id: string): Promise<HubDevice | undefined>;
  readModule(id: string, moduleId: string): Promise<HubModule | undefined>;
  /** The device's twin, or the module's when `moduleId` is given. */
  readTwin(id: string, moduleId?: string): Promise<HubTwin | undefined>;
  /** Every module of a device, `$edgeAgent`/`$edgeHub` included; undefined when the device is gone. */
  listModules(id: string): Promise<HubModule[] | undefined>;
}

export function createHubRegistryClient(transport: HubTransport): HubRegistryClient {
  async function read<T>(schema: z.ZodType<T>, segments: string[]): Promise<T | undefined> {
    let body: unknown;
    try {
      body = (await transport.send({ method: 'GET', segments, idempotent: true })).body;
    } catch (error) {
      if (error instanceof HubRequestError && error.status === 404) return undefined;
      throw error;
    }
    return parseHubAnswer(schema, body);
  }
  return {
    readDevice: (id) => read(HubDevice, ['devices', id]),
    readModule: (id, moduleId) => read(HubModule, ['devices', id, 'modules', moduleId]),
    readTwin: (id, moduleId) =>
      read(HubTwin, moduleId === undefined ? ['twins', id] : ['twins', id, 'modules', moduleId]),
    listModules: (id) => read(z.array(HubModule), ['devices', id, 'modules']),
  };
}
