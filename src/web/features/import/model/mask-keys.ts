import { KEY_MASK } from '../../../../core/model/key-mask';

// Symmetric keys are secrets: the preview shows them masked unless the admin asks to see them.
const KEY_FIELD = /("(?:primaryKey|secondaryKey)"\s*:\s*")([^"\\]*(?:\\.[^"\\]*)*)(")/g;

export function maskKeysInLine(line: string): string {
  return line.replace(KEY_FIELD, (_match, before: string, value: string, after: string) =>
    value.length === 0 ? `${before}${after}` : `${before}${KEY_MASK}${after}`,
  );
}
