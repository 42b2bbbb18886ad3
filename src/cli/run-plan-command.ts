import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { planJsonHead, planJsonRow, planJsonTail } from '../core/plan/format-plan-json';
import { formatPlanSummary } from '../core/plan/format-plan-summary';
import type { PlanRow } from '../core/plan/plan-types';
import type { CliResult } from './cli-result';
import { OutputQueue, PartialFile } from './output-queue';
import type { PlanCommand } from './parse-plan-args';
import { planProblems } from './plan-problems';
import { runPlanPasses } from './run-plan-passes';

const LISTED_ROWS = 20;

/**
 * `iot-bulk plan`. With --json the rows are spooled to a temporary file while the plan runs and
 * printed after the summary they follow in the document, so a 1,000,000-row plan is never held in
 * memory; the readable form lists the first rows that do something. Registry problems and notices
 * go to stderr, keeping stdout pure JSON with --json. Writes to `stdout` itself for that reason.
 */
export async function runPlanCommand(
  cmd: PlanCommand,
  stdout: Writable = process.stdout,
): Promise<CliResult> {
  const spoolDir = cmd.json ? await mkdtemp(join(tmpdir(), 'iot-bulk-plan-')) : undefined;
  const spool = spoolDir === undefined ? undefined : new PartialFile(join(spoolDir, 'rows.json'));
  const job = cmd.job === undefined ? undefined : new PartialFile(cmd.job);
  const sample: PlanRow[] = [];
  let rows = 0;
  try {
    const run = await runPlanPasses(
      cmd,
      {
        onRows: (batch) => {
          for (const row of batch) {
            if (spool !== undefined) spool.add((rows++ === 0 ? '' : ',\n') + planJsonRow(row));
            else if (row.outcome !== 'unchanged' && sample.length < LISTED_ROWS) sample.push(row);
          }
        },
        onJobText: (text) => job?.add(text),
      },
      async () => {
        await spool?.drain();
        await job?.drain();
      },
    );
    await job?.keep();
    if (spool !== undefined) {
      await spool.keep();
      const out = new OutputQueue(stdout);
      out.add(planJsonHead(run.result.summary, rows > 0));
      await out.drain();
      for await (const chunk of createReadStream(spool.path, { encoding: 'utf8' })) {
        out.add(chunk as string);
        await out.drain();
      }
      out.add(planJsonTail(rows > 0));
      await out.drain();
    }
    const problems = planProblems(cmd, run, cmd.json);
    const stdoutText = cmd.json
      ? ''
      : formatPlanSummary(run.result, sample, LISTED_ROWS) + jobNote(cmd);
    return { exitCode: 0, stdout: stdoutText, stderr: problems.join('\n') };
  } catch (error) {
    await Promise.all([job?.discard(), spool?.discard()]);
    return { exitCode: 2, stdout: '', stderr: (error as Error).message };
  } finally {
    if (spoolDir !== undefined) await rm(spoolDir, { recursive: true, force: true });
  }
}

function jobNote(cmd: PlanCommand): string {
  return cmd.job === undefined ? '' : `\nwrote the job file ${cmd.job}`;
}
