// Import cycles by depth-first search: an edge back to a module still on the path closes a cycle,
// reported as "a -> b -> c -> a". Every tangle of modules shows at least one of its cycles (not
// every cycle through it), which is what a check needs. Iterative, so a long chain cannot overflow
// the stack.

export function findImportCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[][] = [];
  for (const start of [...graph.keys()].sort()) {
    if (state.has(start)) continue;
    const path: string[] = [start];
    const pending: number[] = [0];
    state.set(start, 'open');
    while (path.length > 0) {
      const depth = path.length - 1;
      const node = path[depth] as string;
      const next = (graph.get(node) ?? [])[pending[depth] as number];
      if (next === undefined) {
        state.set(node, 'done');
        path.pop();
        pending.pop();
        continue;
      }
      pending[depth] = (pending[depth] as number) + 1;
      const seen = state.get(next);
      if (seen === 'open') cycles.push([...path.slice(path.indexOf(next)), next]);
      else if (seen === undefined) {
        state.set(next, 'open');
        path.push(next);
        pending.push(0);
      }
    }
  }
  return cycles;
}
