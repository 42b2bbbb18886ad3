import { serializePlanLines } from '../core/diff/serialize-plan-line';
import { buildUndo } from '../core/undo/build-undo';
import type { CliResult } from './cli-result';
import { PartialFile } from './output-queue';
import type { PlanCommand } from './parse-plan-args';
import { planProblems } from './plan-problems';
import { runPlanPasses } from './run-plan-passes';

/**
 * `iot-bulk undo`: plans the import as `plan` does (same options), then writes the import that
 * restores the registry export it was planned against. The file carries the export's keys.
 */
export async function runUndoCommand(cmd: PlanCommand): Promise<CliResult> {
  const out = new PartialFile(cmd.out ?? '');
  try {
    const run = await runPlanPasses(cmd, {});
    const undo = buildUndo(run.result.changes);
    for (const text of serializePlanLines(undo.lines())) {
      out.add(text);
      await out.drain();
    }
    await out.keep();
    const { create, update, unchanged, delete: deleted, fail } = run.result.summary;
    const lines = [
      `plan: create ${create}, update ${update}, unchanged ${unchanged}, delete ${deleted}, fail ${fail}`,
      `undo: delete ${undo.summary.delete}, re-create ${undo.summary.recreate}, restore ${undo.summary.restore}; wrote ${cmd.out ?? ''}`,
      ...undo.notices.map((n) => `note (${n.count}): ${n.message}`),
    ];
    return {
      exitCode: 0,
      stdout: lines.join('\n'),
      stderr: planProblems(cmd, run, false).join('\n'),
    };
  } catch (error) {
    await out.discard();
    return { exitCode: 2, stdout: '', stderr: (error as Error).message };
  }
}
