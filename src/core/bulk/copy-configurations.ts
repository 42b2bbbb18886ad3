// The configurations of the source hub (its export's configurations.txt) rewritten as the
// target's import (docs/bulk-flows.md, "Copy a hub into another"). Exports name the properties in
// PascalCase (docs/reference/hub-wire-contract.md#export-blob), imports read either casing. Kept:
// what an admin wrote (id, schema version, labels, content, target condition, priority, custom
// metric queries). Dropped: what the source hub made (ETag, created and updated times, system
// metrics, metric results). Each line carries `ImportMode: createOrUpdateIfMatchETag`, as
// Microsoft's sample does, without an ETag: the target's configuration has an ETag of its own, so
// a re-run overwrites what the previous run wrote. A hub holds at most 100 configurations, so the
// file is read whole.

export const CONFIGURATION_IMPORT_MODE = 'createOrUpdateIfMatchETag';

/** The fields of a configuration an admin wrote besides its id, by their lower-case name. */
const KEPT = ['schemaVersion', 'labels', 'content', 'targetCondition', 'priority'] as const;

export interface ConfigurationProblem {
  line: number;
  reason: string;
}

export interface CopiedConfigurations {
  /** The import file: one line per configuration, LF-terminated. */
  text: string;
  ids: string[];
  problems: ConfigurationProblem[];
}

export interface AdminConfiguration {
  id: string;
  schemaVersion?: unknown;
  labels?: unknown;
  content?: unknown;
  targetCondition?: unknown;
  priority?: unknown;
  metricQueries?: unknown;
}

/** Reads configurations.txt (either casing, CRLF or LF) into what an admin wrote of each. */
export function readConfigurations(text: string): {
  configurations: Array<AdminConfiguration & { line: number }>;
  problems: ConfigurationProblem[];
} {
  const configurations: Array<AdminConfiguration & { line: number }> = [];
  const problems: ConfigurationProblem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '') return;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      problems.push({ line, reason: 'not valid JSON' });
      return;
    }
    if (!isObject(value)) {
      problems.push({ line, reason: 'not a JSON object' });
      return;
    }
    const fields = lowerFirstKeys(value);
    if (typeof fields.id !== 'string' || fields.id === '') {
      problems.push({ line, reason: 'no "Id"' });
      return;
    }
    const configuration: AdminConfiguration & { line: number } = { id: fields.id, line };
    for (const key of KEPT)
      if (fields[key] !== undefined && fields[key] !== null) configuration[key] = fields[key];
    if (isObject(fields.content)) configuration.content = lowerFirstKeys(fields.content);
    const metrics = isObject(fields.metrics) ? lowerFirstKeys(fields.metrics) : {};
    if (isObject(metrics.queries) && Object.keys(metrics.queries).length > 0)
      configuration.metricQueries = metrics.queries;
    configurations.push(configuration);
  });
  return { configurations, problems };
}

/** The import lines for the target, PascalCase as the export wrote them. */
export function copyConfigurations(text: string): CopiedConfigurations {
  const { configurations, problems } = readConfigurations(text);
  const out: string[] = [];
  for (const c of configurations) {
    const line: Record<string, unknown> = { Id: c.id };
    if (c.schemaVersion !== undefined) line.SchemaVersion = c.schemaVersion;
    if (c.labels !== undefined) line.Labels = c.labels;
    if (c.content !== undefined) line.Content = pascalKeys(c.content);
    if (c.targetCondition !== undefined) line.TargetCondition = c.targetCondition;
    if (c.priority !== undefined) line.Priority = c.priority;
    if (c.metricQueries !== undefined) line.Metrics = { Queries: c.metricQueries };
    line.ImportMode = CONFIGURATION_IMPORT_MODE;
    out.push(`${JSON.stringify(line)}\n`);
  }
  return { text: out.join(''), ids: configurations.map((c) => c.id), problems };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Only the property names of the configuration classes change case; dictionaries inside them
// (labels, module names, `properties.desired` paths) keep their keys as written.
function lowerFirstKeys(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const name = key === 'ETag' ? 'etag' : key.charAt(0).toLowerCase() + key.slice(1);
    if (!(name in out)) out[name] = v;
  }
  return out;
}

function pascalKeys(value: unknown): unknown {
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key.charAt(0).toUpperCase() + key.slice(1), v]),
  );
}
