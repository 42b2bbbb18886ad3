import type { Route } from '../http/route';
import { HUB_ERRORS, hubError } from '../http/hub-error';
import { identityKey } from '../model/identity';
import { applyImportOperation } from '../registry/apply-import-operation';
import { parseImportObject, type ImportOperation } from '../registry/import-operation';
import { registryContext, type HandlerDeps } from './handler-deps';

// Bulk registry POST /devices (hub-protocol.md sec. 2.6, evidence sec. 5): a bare array of at most
// 100 ExportImportDevice items with distinct ids, applied in one transaction. A partial failure is
// HTTP 400 with the normal result body, integer error codes and `iothub-errorcode:
// BulkRegistryOperationFailure`.
const MAX_ITEMS = 100;

export function bulkDeviceRoutes(deps: HandlerDeps): Route[] {
  return [
    {
      method: 'POST',
      path: '/devices',
      rights: ['RegistryWrite'],
      handle: async ({ body, now }) => {
        const items = await body();
        if (!Array.isArray(items))
          throw hubError('ArgumentInvalid', 'The request body must be a JSON array of devices.');
        if (items.length === 0) throw hubError('ArgumentNull', 'The list of devices is empty.');
        if (items.length > MAX_ITEMS)
          throw hubError(
            'TooManyDevices',
            `Too many devices: at most ${MAX_ITEMS} per bulk operation.`,
          );
        const operations: ImportOperation[] = [];
        const seen = new Set<string>();
        items.forEach((item, index) => {
          const parsed = parseImportObject(item);
          if (!parsed.ok)
            throw hubError('ArgumentInvalid', `Device at index ${index}: ${parsed.message}`);
          const key = identityKey(parsed.operation.input.deviceId, parsed.operation.input.moduleId);
          if (seen.has(key))
            throw hubError(
              'DeviceDefinedMultipleTimes',
              `Device '${key}' is defined multiple times in the request.`,
            );
          seen.add(key);
          operations.push(parsed.operation);
        });
        const ctx = registryContext(deps, now);
        const errors = deps.store.transaction(() =>
          operations.flatMap((operation) => {
            const failure = applyImportOperation(operation, ctx);
            if (!failure) return [];
            const error: Record<string, unknown> = { deviceId: operation.input.deviceId };
            if (operation.input.moduleId) error.moduleId = operation.input.moduleId;
            error.errorCode = HUB_ERRORS[failure.errorName].code;
            error.errorStatus = failure.message;
            return [error];
          }),
        );
        if (errors.length === 0)
          return { status: 200, body: { isSuccessful: true, errors: [], warnings: [] } };
        return {
          status: 400,
          body: { isSuccessful: false, errors, warnings: [] },
          headers: {
            'iothub-errorcode': 'BulkRegistryOperationFailure',
            IotHubErrorCode: 'BulkRegistryOperationFailure',
          },
        };
      },
    },
  ];
}
