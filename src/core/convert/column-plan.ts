import { detectColumnTarget } from './detect-column-target';
import { isValidTwinKey, TWIN_MAX_DEPTH } from './validate-twin-collection';
import type { ColumnMapping, MappingTarget } from './types';

// Field kinds as small integers so the per-cell switch in apply-cell.ts stays cheap.
export const FieldKind = {
  none: 0,
  id: 1,
  moduleId: 2,
  importMode: 3,
  status: 4,
  statusReason: 5,
  authType: 6,
  primaryKey: 7,
  secondaryKey: 8,
  primaryThumbprint: 9,
  secondaryThumbprint: 10,
  eTag: 11,
  twinETag: 12,
  tags: 13,
  desired: 14,
  reported: 15,
  iotEdge: 16,
  deviceScope: 17,
  parentScopes: 18,
  tagPath: 19,
  desiredPath: 20,
  reportedPath: 21,
  /** tags.<key> / desired.<key> written as JSON text, see enable-twin-text.ts. */
  tagText: 22,
  desiredText: 23,
} as const;

export type FieldKindValue = (typeof FieldKind)[keyof typeof FieldKind];

export interface ColumnPlanEntry {
  index: number;
  column: string;
  detected: MappingTarget | null;
  effective: MappingTarget | null;
  kind: FieldKindValue;
  /** Path below tags / properties.desired for dotted targets. */
  segments: string[];
  /**
   * Set when a dotted target cannot be a twin path (bad key, too deep); every row using it fails.
   */
  pathProblem: { code: 'TWIN_KEY_INVALID' | 'TWIN_TOO_DEEP'; message: string } | undefined;
  /** `"key":` for text-mode twin columns. */
  textKey: string | undefined;
}

function kindOf(target: MappingTarget | null): FieldKindValue {
  if (target === null || target === 'ignore') return FieldKind.none;
  if (target.startsWith('tags.')) return FieldKind.tagPath;
  if (target.startsWith('properties.desired.')) return FieldKind.desiredPath;
  if (target.startsWith('properties.reported.')) return FieldKind.reportedPath;
  return (FieldKind as Record<string, FieldKindValue>)[target] ?? FieldKind.none;
}

function segmentsOf(target: MappingTarget | null, kind: FieldKindValue): string[] {
  if (target === null) return [];
  if (kind === FieldKind.tagPath) return target.slice('tags.'.length).split('.');
  if (kind === FieldKind.desiredPath) return target.slice('properties.desired.'.length).split('.');
  if (kind === FieldKind.reportedPath)
    return target.slice('properties.reported.'.length).split('.');
  return [];
}

function pathProblemOf(segments: string[]): ColumnPlanEntry['pathProblem'] {
  if (segments.length > TWIN_MAX_DEPTH)
    return { code: 'TWIN_TOO_DEEP', message: `nests deeper than ${TWIN_MAX_DEPTH} levels` };
  const bad = segments.find((s) => !isValidTwinKey(s) || s === '__proto__');
  return bad === undefined
    ? undefined
    : {
        code: 'TWIN_KEY_INVALID',
        message: `has the key "${bad}", which may not be empty or contain ".", "$", spaces or control characters, or be longer than 1 KB`,
      };
}

export function planColumn(
  column: string,
  index: number,
  mapping: ColumnMapping | undefined,
): ColumnPlanEntry {
  const detected = detectColumnTarget(column);
  const explicit =
    mapping !== undefined && Object.hasOwn(mapping, column) ? mapping[column] : undefined;
  const effective = explicit ?? detected;
  const kind = kindOf(effective);
  const segments = segmentsOf(effective, kind);
  return {
    index,
    column,
    detected,
    effective,
    kind,
    segments,
    pathProblem: segments.length > 0 ? pathProblemOf(segments) : undefined,
    textKey: undefined,
  };
}
