import type { LineKey } from './read-line-key';
import { readLineKey } from './read-line-key';

// The same reading importErrors.log's parser gives a 400012 line's quoted text, so that a row and
// its error line name the same device even when the line was cut short.
const QUOTED_ID = /^\s*\{.*?"id"\s*:\s*"((?:[^"\\]|\\.)*)"/;
const QUOTED_MODULE = /^\s*\{.*?"moduleId"\s*:\s*"((?:[^"\\]|\\.)*)"/;

export function recoverLineKey(text: string): LineKey | undefined {
  const key = readLineKey(text);
  if (key !== undefined) return key;
  const id = unescaped(QUOTED_ID.exec(text)?.[1]);
  if (id === undefined || id === '') return undefined;
  const moduleId = unescaped(QUOTED_MODULE.exec(text)?.[1]);
  return moduleId === undefined || moduleId === '' ? { id } : { id, moduleId };
}

function unescaped(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(`"${text}"`) as string;
  } catch {
    return text;
  }
}
