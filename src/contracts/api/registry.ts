import { z } from 'zod';

/** Ids per lookup: one request stays within a few seconds of the hub's read budget. */
export const REGISTRY_LOOKUP_MAX_IDS = 1000;

// The hub's id character set (docs/reference/hub-wire-contract.md#limits), `+` and `#` included as
// the live service accepts them. A `$` module id is allowed: `$edgeAgent` and `$edgeHub` can be
// read, only not created. An id outside the set cannot exist on the hub, so it is refused rather
// than looked up.
const HubId = z
  .string()
  .regex(/^[A-Za-z0-9\-.%_*?!(),:=@$'+#]{1,128}$/, 'a device or module id as the hub allows it');

export const RegistryLookupId = z.object({ id: HubId, moduleId: HubId.optional() });
export type RegistryLookupId = z.infer<typeof RegistryLookupId>;

/** POST /api/registry/lookup (admin only): the current identity and twin of a few devices. */
export const RegistryLookupRequest = z.object({
  ids: z.array(RegistryLookupId).min(1).max(REGISTRY_LOOKUP_MAX_IDS),
  /**
   * Also read every module of each device entry (one more registry read per device, two per
   * module): what a plan needs when the file deletes devices, whose modules go with them.
   */
  includeModules: z.boolean().optional(),
});
export type RegistryLookupRequest = z.infer<typeof RegistryLookupRequest>;

export const RegistryLookupResponse = z.object({
  /** When the first hub read was sent; the snapshot is no older than this. */
  takenAt: z.string(),
  /**
   * One line per device or module found, in the hub's export shape (a `devices.txt` line with
   * keys), so core's registry index reads `records.join('\n')` as it reads an export.
   */
  records: z.array(z.string()),
  /** Requested ids the hub does not have. */
  missing: z.number().int().nonnegative(),
  /**
   * Entries not read because the hub kept throttling or the request's time ran out (empty
   * otherwise): neither in `records` nor in `missing`. Ask for them again in a new lookup.
   */
  unread: z.array(RegistryLookupId),
});
export type RegistryLookupResponse = z.infer<typeof RegistryLookupResponse>;

/**
 * Device ids one hub query selection holds at most (docs/bulk-flows.md, "Select by hub query"):
 * ten pages of the hub's largest, about half a minute of an S1 hub's query budget. A larger
 * selection is made with the filters of an export instead.
 */
export const REGISTRY_QUERY_MAX_IDS = 10_000;

/** POST /api/registry/query (admin only): the device ids a query in the hub's language selects. */
export const RegistryQueryRequest = z.object({
  query: z.string().trim().min(1).max(8000),
});
export type RegistryQueryRequest = z.infer<typeof RegistryQueryRequest>;

export const RegistryQueryResponse = z.object({
  /** When the first page was asked for: the selection is no older than this. */
  takenAt: z.string(),
  /** The distinct device ids of the results, in the hub's order. */
  deviceIds: z.array(z.string()),
  /** The hub had more results than `limit`: only the first `limit` ids are here. */
  truncated: z.boolean(),
  limit: z.number().int().positive(),
});
export type RegistryQueryResponse = z.infer<typeof RegistryQueryResponse>;
