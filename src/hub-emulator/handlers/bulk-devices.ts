import type { Route } from '../http/route';
import { HUB_ERRORS, hubError } from '../http/hub-error';
import { applyImportOperation } from '../registry/apply-import-operation';
import { parseImportObject } from '../registry/import-operation';
import { orderOperations, type IndexedOperation } from '../registry/order-operations';
import { registryContext, type HandlerDeps } from './handler-deps';

// Bulk registry POST /devices (docs/reference/hub-wire-contract.md#bulk-registry,
// #recorded-traffic): a bare array of at most 100 ExportImportDevice items, applied in one
// transaction. A partial failure is HTTP 400 with the normal result body, integer error codes and
// `iothub-errorcode: BulkRegistryOperationFailure`. Items must name distinct devices: two module
// items of one device are DeviceDefinedMultipleTimes too
// (docs/reference/hub-wire-contract.md#later-public-reports).
const MAX_ITEMS = 100;

export function bulkDeviceRoutes(deps: HandlerDeps): Route[] {
  return [
    {
      method: 'POST',
      path: '/devices',
      rights: ['RegistryWrite'],
      throttle: {
        class: 'registry',
        cost: (body) => (Array.isArray(body) ? Math.max(1, body.length) : 1),
      },
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
        const operations: IndexedOperation[] = [];
        const seen = new Set<string>();
        items.forEach((item, index) => {
          const parsed = parseImportObject(item);
          if (!parsed.ok)
            throw hubError('ArgumentInvalid', `Device at index ${index}: ${parsed.message}`);
          const deviceId = parsed.operation.input.deviceId;
          if (seen.has(deviceId))
            throw hubError(
              'DeviceDefinedMultipleTimes',
              `The device ID '${deviceId}' is defined multiple times in the request.`,
            );
          seen.add(deviceId);
          operations.push({ index, operation: parsed.operation });
        });
        const ctx = registryContext(deps, now, 'bulk');
        const failures = deps.store.transaction(() =>
          orderOperations(operations, false).flatMap(({ index, operation }) => {
            const failure = applyImportOperation(operation, ctx);
            return failure ? [{ index, operation, failure }] : [];
          }),
        );
        // errors[] follows the request's order, whatever order the items were applied in.
        const errors = failures
          .sort((a, b) => a.index - b.index)
          .map(({ operation, failure }) => {
            const error: Record<string, unknown> = { deviceId: operation.input.deviceId };
            if (operation.input.moduleId) error.moduleId = operation.input.moduleId;
            error.errorCode = HUB_ERRORS[failure.errorName].code;
            error.errorStatus = failure.message;
            return error;
          });
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
