import type { StoredConfiguration } from '../store/hub-store';

// configurations.txt lines use PascalCase property names
// (docs/reference/hub-wire-contract.md#export-blob): the service serializes its .NET Configuration
// class without a camelCase contract resolver, so the properties of its nested classes (Content,
// Metrics) are PascalCase too, while dictionaries (Labels, the content of DeviceContent and
// ModulesContent, metric queries and results) keep their keys as written.
const NESTED_CLASSES = new Set(['content', 'systemMetrics', 'metrics']);

export function renderConfigurationExportLine(configuration: StoredConfiguration): string {
  const pascal: Record<string, unknown> = {};
  for (const [key, value] of Object.entries({ ...configuration.doc, etag: configuration.etag })) {
    pascal[key === 'etag' ? 'ETag' : pascalCase(key)] =
      NESTED_CLASSES.has(key) && isObject(value) ? pascalKeys(value) : value;
  }
  return JSON.stringify(pascal);
}

function pascalKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [pascalCase(key), v]));
}

function pascalCase(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
