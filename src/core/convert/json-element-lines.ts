/**
 * Line numbers where each element of the device array starts: the root array (`arrayOrdinal`
 * null) or the n-th array directly under the root object. A character scan, so the report can
 * point at the line even though JSON.parse gives no positions.
 */
export function findElementLines(text: string, arrayOrdinal: number | null): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let inTarget = false;
  let expecting = false;
  let targetDepth = -1;
  let ordinal = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 10) {
      line++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13) continue;
    if (inTarget && expecting && depth === targetDepth && c !== 93) {
      lines.push(line);
      expecting = false;
    }
    if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (c === 91 && !inTarget) {
        if (depth === 2) ordinal++;
        if (
          (arrayOrdinal === null && depth === 1) ||
          (arrayOrdinal !== null && depth === 2 && ordinal === arrayOrdinal)
        ) {
          inTarget = true;
          targetDepth = depth;
          expecting = true;
        }
      }
    } else if (c === 93 || c === 125) {
      if (inTarget && depth === targetDepth) return lines;
      depth--;
    } else if (c === 44 && inTarget && depth === targetDepth) expecting = true;
  }
  return lines;
}
