import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { median, pairedRatios } from './bench-stats';

const run = promisify(execFile);
const CHILD = join(import.meta.dirname, 'node-bench-child.ts');
const TSX = join(import.meta.dirname, '../../node_modules/tsx/dist/cli.mjs');

interface ChildResult {
  mode: 'parse' | 'convert';
  ms: number;
  cpuMs: number;
  rows: number;
  maxRssMb: number;
}

async function child(mode: 'parse' | 'convert', csv: string): Promise<ChildResult> {
  const { stdout } = await run(process.execPath, [TSX, CHILD, mode, csv], {
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildResult;
}

/**
 * Node: papaparse streaming parse alone against the full conversion (file -> NDJSON file), each
 * measurement in a fresh process, modes alternated with the order rotated every round; the
 * ratio is taken per round and its median reported (docs/reference/measured-baselines.md#method).
 */
export async function measureNodeConversion(
  csv: string,
  rows: number,
  rounds: number,
): Promise<Record<string, unknown>> {
  const parse: ChildResult[] = [];
  const convert: ChildResult[] = [];
  for (let round = 0; round < rounds; round++) {
    const order: Array<'parse' | 'convert'> =
      round % 2 === 0 ? ['parse', 'convert'] : ['convert', 'parse'];
    for (const mode of order) {
      const result = await child(mode, csv);
      if (result.rows !== rows)
        throw new Error(`${mode} saw ${result.rows} rows, expected ${rows}`);
      (mode === 'parse' ? parse : convert).push(result);
    }
  }
  const parseMs = parse.map((r) => r.ms);
  const convertMs = convert.map((r) => r.ms);
  return {
    rows,
    rounds,
    parseSeconds: median(parseMs) / 1000,
    convertSeconds: median(convertMs) / 1000,
    parseRowsPerSecond: Math.round(rows / (median(parseMs) / 1000)),
    convertRowsPerSecond: Math.round(rows / (median(convertMs) / 1000)),
    ratioFullOverParse: median(pairedRatios(convertMs, parseMs)),
    ratioRange: [
      Math.min(...pairedRatios(convertMs, parseMs)),
      Math.max(...pairedRatios(convertMs, parseMs)),
    ],
    ratioCpuFullOverParse: median(
      pairedRatios(
        convert.map((r) => r.cpuMs),
        parse.map((r) => r.cpuMs),
      ),
    ),
    parsePeakRssMb: Math.max(...parse.map((r) => r.maxRssMb)),
    convertPeakRssMb: Math.max(...convert.map((r) => r.maxRssMb)),
  };
}
