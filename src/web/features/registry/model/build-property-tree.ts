/** One node of the readable tree of tags, desired or reported properties. */
export interface TreeNode {
  /** Stable, unique path for React keys, e.g. `desired.telemetry.interval`. */
  path: string;
  name: string;
  /** Leaf text (JSON for strings in quotes is noise: strings are shown bare); null for branches. */
  value: string | null;
  children: TreeNode[];
}

function leafText(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.length === 0) return '[]';
  if (typeof value === 'object') return '{}';
  return String(value);
}

/** Objects and arrays become branches (array items named [0], [1], ...), everything else a leaf. */
export function buildPropertyTree(
  value: unknown,
  path: string,
  options: { skipVersionFields?: boolean } = {},
): TreeNode[] {
  if (value === null || typeof value !== 'object') return [];
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((item, i) => [`[${i}]`, item])
    : Object.entries(value);
  const nodes: TreeNode[] = [];
  for (const [name, child] of entries) {
    if (options.skipVersionFields && (name === '$metadata' || name === '$version')) continue;
    const childPath = `${path}.${name}`;
    const isBranch =
      child !== null &&
      typeof child === 'object' &&
      (Array.isArray(child) ? child.length > 0 : Object.keys(child).length > 0);
    nodes.push({
      path: childPath,
      name,
      value: isBranch ? null : leafText(child),
      children: isBranch ? buildPropertyTree(child, childPath, options) : [],
    });
  }
  return nodes;
}
