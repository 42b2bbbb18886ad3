export interface LineKey {
  id: string;
  moduleId?: string;
}

const ID_START = '{"id":"';
const MODULE_NEXT = ',"moduleId":"';
const MODULE_NULL = ',"moduleId":null';
const BACKSLASH = 92;
const QUOTE = 34;
const CLOSE_BRACE = 125;

/**
 * The id and module id of one import or export line, without parsing it when the line starts the
 * way the hub writes exports and the converter writes imports (`{"id":"…","moduleId":"…"`): the
 * passes that only need to know which devices a file touches would otherwise parse every line of a
 * 1,000,000-line file once more. Anything else is parsed. Undefined when the line has no usable id.
 * An empty moduleId names the device, as the hub reads it (docs/hub-emulator.md).
 */
export function readLineKey(text: string): LineKey | undefined {
  // A line cut short keeps its id readable; the closing brace is the cheap sign it was not.
  if (text.startsWith(ID_START) && text.charCodeAt(text.trimEnd().length - 1) === CLOSE_BRACE) {
    const idEnd = plainStringEnd(text, ID_START.length);
    if (idEnd > ID_START.length) {
      const id = text.slice(ID_START.length, idEnd);
      const after = idEnd + 1;
      if (text.startsWith(MODULE_NEXT, after)) {
        const from = after + MODULE_NEXT.length;
        const moduleEnd = plainStringEnd(text, from);
        if (moduleEnd >= from) {
          return moduleEnd === from ? { id } : { id, moduleId: text.slice(from, moduleEnd) };
        }
      } else if (text.startsWith(MODULE_NULL, after) || text.indexOf('"moduleId"', after) < 0) {
        return { id };
      }
    }
  }
  return parsedKey(text);
}

/** Index of the closing quote of a string without escapes that starts at `from`, else -1. */
function plainStringEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) return i;
    if (c === BACKSLASH) return -1;
  }
  return -1;
}

function parsedKey(text: string): LineKey | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { id, moduleId } = value as { id?: unknown; moduleId?: unknown };
  if (typeof id !== 'string' || id === '') return undefined;
  return typeof moduleId === 'string' && moduleId !== '' ? { id, moduleId } : { id };
}
