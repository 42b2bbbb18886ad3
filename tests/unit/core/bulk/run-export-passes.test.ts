import { describe, expect, it } from 'vitest';
import { runExportPasses, type PassEngine } from '../../../../src/core/bulk/run-export-passes';
import type { RegistryEntry } from '../../../../src/core/registry/registry-types';
import { chunked } from './support/hub-export-fixture';

const text = '{"id":"a"}\r\n{"id":"b"}\r\n{"id":"b","moduleId":"m"}\r\n';

function recorder(passes: number): PassEngine<string[]> & { seen: string[] } {
  const seen: string[] = [];
  const ids = (entries: readonly RegistryEntry[]) =>
    entries.map((e) => (e.moduleId ? `${e.id}/${e.moduleId}` : e.id));
  return {
    seen,
    writePasses: passes,
    index: (entries) => void seen.push(...ids(entries).map((id) => `index ${id}`)),
    write: (pass, entries) => ids(entries).map((id) => `${pass} ${id}`),
    endPass: (pass) => [`end ${pass}`],
  };
}

describe('runExportPasses', () => {
  it('reads the export once to index it, then once per write pass', async () => {
    const engine = recorder(2);
    const out: string[] = [];
    await runExportPasses(chunked(text, 7), engine, async (lines) => void out.push(...lines));
    expect(engine.seen).toEqual(['index a', 'index b', 'index b/m']);
    expect(out).toEqual(['0 a', '0 b', '0 b/m', 'end 0', '1 a', '1 b', '1 b/m', 'end 1']);
  });

  it('refuses a file that is not an export, naming the line, before writing anything', async () => {
    const out: string[] = [];
    await expect(
      runExportPasses(chunked('{"id":"a"}\nnot json\n'), recorder(1), async (l) => {
        out.push(...l);
      }),
    ).rejects.toThrow('line 2 is not valid JSON');
    expect(out).toEqual([]);
  });

  it('refuses an export without keys when keys are needed', async () => {
    const keyless = 'Keys are excluded from this export.\r\n{"id":"a","authentication":null}\r\n';
    await expect(
      runExportPasses(chunked(keyless), recorder(1), async () => {}, { requireKeys: true }),
    ).rejects.toThrow('export with keys');
  });
});
