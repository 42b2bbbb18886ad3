import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findImportCycles } from '../../../tools/find-import-cycles';
import { namedSpecifiers, readImportGraph } from '../../../tools/import-graph';

describe('namedSpecifiers', () => {
  it('sees static, re-exported, dynamic and type-only imports', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from './b';",
      "export * from './c';",
      "export const load = () => import('./d');",
    ].join('\n');
    expect(namedSpecifiers(text)).toEqual(['./a', './b', './c', './d']);
  });
});

describe('readImportGraph', () => {
  it('resolves extensionless, .js and folder-index specifiers to the files on disk', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'import-graph-'));
    try {
      await mkdir(path.join(folder, 'b'));
      await writeFile(path.join(folder, 'a.ts'), "import { b } from './b';\nexport const a = b;");
      await writeFile(path.join(folder, 'b', 'index.ts'), "export { c as b } from '../c.js';");
      await writeFile(path.join(folder, 'c.tsx'), "import { a } from './a';\nexport const c = a;");
      const cycles = findImportCycles(await readImportGraph(folder));
      expect(cycles.map((cycle) => cycle.map((file) => path.relative(folder, file)))).toEqual([
        ['a.ts', path.join('b', 'index.ts'), 'c.tsx', 'a.ts'],
      ]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
