import type { DeviceChange, DiffSummary, RegistryDiff } from './diff-types';

/** The `iot-bulk diff --json` shape; it carries ids and field names only, never a field's value. */
export interface DiffJson {
  summary: DiffSummary;
  changes: DeviceChange[];
}

export function toDiffJson(diff: RegistryDiff): DiffJson {
  return {
    summary: diff.summary,
    changes: diff.changes.map((c) =>
      c.moduleId === undefined
        ? { id: c.id, kind: c.kind, fields: c.fields }
        : { id: c.id, moduleId: c.moduleId, kind: c.kind, fields: c.fields },
    ),
  };
}

/** One change per line when not pretty, so a 1M-change diff stays greppable and streams well. */
export function formatDiffJson(diff: RegistryDiff, options: { pretty?: boolean } = {}): string {
  const json = toDiffJson(diff);
  if (options.pretty) return JSON.stringify(json, null, 2);
  const lines = json.changes.map((c) => JSON.stringify(c));
  const changes = lines.length === 0 ? '[]' : `[\n${lines.join(',\n')}\n]`;
  return `{"summary":${JSON.stringify(json.summary)},"changes":${changes}}\n`;
}
