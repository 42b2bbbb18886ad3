import type { StoredConfiguration } from '../store/hub-store';

// configurations.txt lines use PascalCase property names (obs 3P), as the service serializes its
// .NET Configuration class without a camelCase contract resolver.
export function renderConfigurationExportLine(configuration: StoredConfiguration): string {
  const pascal: Record<string, unknown> = {};
  for (const [key, value] of Object.entries({ ...configuration.doc, etag: configuration.etag })) {
    pascal[key.charAt(0).toUpperCase() + key.slice(1)] = value;
  }
  return JSON.stringify(pascal);
}
