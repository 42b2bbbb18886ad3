import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const BIN = join(import.meta.dirname, '../../../bin/iot-bulk.mjs');
const run = promisify(execFile);

/**
 * Runs `iot-bulk` over the given files written to a temporary folder; `{out}` in an argument is
 * replaced by a path in that folder, whose content comes back as `out`.
 */
export async function runCli(
  files: Record<string, string>,
  args: string[],
): Promise<{ stdout: string; stderr: string; out: string | undefined }> {
  const dir = await mkdtemp(join(tmpdir(), 'plan-it-cli-'));
  try {
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    const outPath = join(dir, 'out.ndjson');
    const argv = args.map((a) => a.replace('{out}', outPath));
    const { stdout, stderr } = await run(process.execPath, [BIN, ...argv], {
      cwd: dir,
      maxBuffer: 64 * 1024 * 1024,
    });
    const out = args.some((a) => a.includes('{out}')) ? await readFile(outPath, 'utf8') : undefined;
    return { stdout, stderr, out };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
