import { describe, expect, it } from 'vitest';
import { findImportCycles } from '../../../tools/find-import-cycles';

const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

describe('findImportCycles', () => {
  it('finds no cycle in a tree with a shared leaf', () => {
    expect(findImportCycles(graph({ a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }))).toEqual([]);
  });

  it('reports a cycle as the path that closes it', () => {
    expect(findImportCycles(graph({ a: ['b'], b: ['c'], c: ['a'] }))).toEqual([
      ['a', 'b', 'c', 'a'],
    ]);
  });

  it('reports a module that imports itself', () => {
    expect(findImportCycles(graph({ a: ['a'] }))).toEqual([['a', 'a']]);
  });

  it('finds a cycle reached only through modules outside it', () => {
    expect(findImportCycles(graph({ a: ['b'], b: ['c'], c: ['d'], d: ['b'] }))).toEqual([
      ['b', 'c', 'd', 'b'],
    ]);
  });

  it('walks a chain far deeper than the call stack allows', () => {
    const edges: Record<string, string[]> = {};
    for (let index = 0; index < 100_000; index += 1) edges[`m${index}`] = [`m${index + 1}`];
    edges['m100000'] = ['m0'];
    expect(findImportCycles(graph(edges))).toHaveLength(1);
  });
});
