import type {
  AuthenticationType,
  DeviceStatus,
  TwinCollection,
} from '../model/export-import-device';
import type { ImportMode } from '../model/import-mode';

/** An authentication block as a line gives it; absent keys are null ("let the hub mint them"). */
export interface AuthInput {
  type?: AuthenticationType;
  primaryKey: string | null;
  secondaryKey: string | null;
  primaryThumbprint: string | null;
  secondaryThumbprint: string | null;
}

/** One import line as the hub reads it. `undefined` fields are absent from the line. */
export interface ImportLine {
  text: string;
  json: Record<string, unknown>;
  mode: ImportMode;
  id: string;
  moduleId?: string;
  eTag?: string;
  twinETag?: string;
  status?: DeviceStatus;
  statusReason?: string | null;
  authentication?: AuthInput | null;
  iotEdge?: boolean;
  deviceScope?: string | null;
  parentScopes?: string[];
  tags?: TwinCollection;
  desired?: TwinCollection;
  reported?: TwinCollection;
}

export type ParsedImportLine =
  { ok: true; line: ImportLine } | { ok: false; id: string; moduleId?: string; message: string };
