import { readLineKey, type LineKey } from '../../../../core/plan/read-line-key';
import { edgeDeviceOfScope } from './edge-device-of-scope';

// The devices a small import file needs read before it can be planned: every device and module it
// names (a module line needs its device too: the plan checks the device exists), and the edge
// devices its lines name as parents through `deviceScope` or `parentScopes`, which the file itself
// may not contain. Without those a leaf pointed at an existing gateway would be planned as
// "missing parent scope" (docs/plan-and-undo.md).

function scopesOf(line: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return [];
  }
  if (typeof value !== 'object' || value === null) return [];
  const { deviceScope, parentScopes } = value as { deviceScope?: unknown; parentScopes?: unknown };
  const scopes: string[] = [];
  if (typeof deviceScope === 'string') scopes.push(deviceScope);
  if (Array.isArray(parentScopes))
    for (const scope of parentScopes) if (typeof scope === 'string') scopes.push(scope);
  return scopes;
}

export function lookupKeysOf(importText: string): LineKey[] {
  const seen = new Set<string>();
  const keys: LineKey[] = [];
  const add = (key: LineKey) => {
    const name = `${key.id}\u0000${key.moduleId ?? ''}`;
    if (seen.has(name)) return;
    seen.add(name);
    keys.push(key);
  };
  const parents: string[] = [];
  for (const line of importText.split('\n')) {
    if (line.trim() === '') continue;
    const key = readLineKey(line);
    if (!key) continue;
    add({ id: key.id });
    if (key.moduleId) add(key);
    if (line.includes('Scope')) {
      for (const scope of scopesOf(line)) {
        const parent = edgeDeviceOfScope(scope);
        if (parent !== undefined) parents.push(parent);
      }
    }
  }
  // After the file's own devices, so the file's ids come first in the reads.
  for (const id of parents) add({ id });
  return keys;
}
