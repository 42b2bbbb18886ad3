import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import Papa from 'papaparse';
import { runCliCommand } from '../../src/cli/run-cli-command';

// One measurement in a fresh process (docs/reference/measured-baselines.md#method): prints {mode,
// ms, cpuMs, rows, maxRssMb}. CPU time (all threads, GC helpers included) is reported too: on a
// loaded machine it is steadier than wall time. `parse`: papaparse streaming with chunk callbacks,
// header:true (the baseline of docs/reference/measured-baselines.md#conversion-in-node). `convert`:
// the CLI's full path, file stream -> core -> NDJSON file on disk.
async function parseOnly(file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    Papa.parse(createReadStream(file, { highWaterMark: 1024 * 1024 }) as unknown as File, {
      header: true,
      skipEmptyLines: true,
      chunk: (results) => {
        rows += results.data.length;
      },
      complete: () => resolve(rows),
      error: reject,
    });
  });
}

async function convert(file: string, out: string): Promise<number> {
  const result = await runCliCommand({
    command: 'convert',
    input: file,
    out,
    report: undefined,
    keys: undefined,
    map: undefined,
    options: {
      format: 'auto',
      defaultMode: 'create',
      defaultStatus: 'enabled',
      keyPolicy: 'hub-generates',
      skipInvalid: false,
    },
  });
  if (result.exitCode !== 0) throw new Error(`conversion failed: ${result.stderr}`);
  return Number(/(\d+) valid/.exec(result.stdout)?.[1] ?? 0);
}

const [mode, file, out] = process.argv.slice(2);
if ((mode !== 'parse' && mode !== 'convert') || !file)
  throw new Error('usage: node-bench-child parse|convert <csv> [out]');
const start = performance.now();
const cpuStart = process.cpuUsage();
const rows =
  mode === 'parse' ? await parseOnly(file) : await convert(file, out ?? `${file}.out.ndjson`);
const ms = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
const cpuMs = (cpu.user + cpu.system) / 1000;
if (mode === 'convert' && !out) await rm(`${file}.out.ndjson`, { force: true });
process.stdout.write(
  JSON.stringify({ mode, ms, cpuMs, rows, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n',
);
