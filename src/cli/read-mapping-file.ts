import { readFile } from 'node:fs/promises';
import { isMappingTarget } from '../core/convert/detect-column-target';
import type { ColumnMapping } from '../core/convert/types';

/**
 * Reads `--map`: a JSON object of column name -> target (or "ignore"). Throws a message for the
 * user.
 */
export async function readMappingFile(path: string): Promise<ColumnMapping> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (error) {
    throw new Error(
      `cannot read the mapping ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new Error(`the mapping ${path} must be a JSON object of column -> field`);
  const mapping: ColumnMapping = {};
  for (const [column, target] of Object.entries(value)) {
    if (typeof target !== 'string' || !isMappingTarget(target)) {
      throw new Error(
        `the mapping ${path} maps "${column}" to ${JSON.stringify(target)}, which is not a field (e.g. "id", "tags.site", "ignore")`,
      );
    }
    mapping[column] = target;
  }
  return mapping;
}
