export * from './registry-types';
export { deviceKey, splitDeviceKey, compareDeviceKeys } from './device-key';
export { createExportParser, type ExportParser } from './create-export-parser';
export {
  createSnapshotBuilder,
  parseRegistryText,
  readRegistrySnapshot,
  type SnapshotBuilder,
} from './build-registry-snapshot';
