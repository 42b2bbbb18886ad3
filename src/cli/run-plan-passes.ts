import { createRegistryIndex, type RegistryIndex } from '../core/plan/build-registry-index';
import { createPlanner } from '../core/plan/create-planner';
import type { PlanResult, PlanSink } from '../core/plan/plan-result';
import { createTouchScanner } from '../core/plan/scan-touched-devices';
import type { PlanCommand } from './parse-plan-args';
import { openImportSource, textChunks } from './read-plan-input';

export interface PlanRun {
  result: PlanResult;
  index: RegistryIndex;
}

/**
 * The plan's three passes over the files: the import file for the devices it touches, the
 * registry export for those devices, the import file again to plan it. `afterChunk` runs after
 * each chunk of the last pass, so the caller can let its output streams drain. Throws a message
 * for the user when a file cannot be read.
 */
export async function runPlanPasses(
  cmd: PlanCommand,
  sink: PlanSink,
  afterChunk: () => Promise<void> = async () => undefined,
): Promise<PlanRun> {
  const source = await openImportSource(cmd.input, cmd.conversion);
  const scanner = createTouchScanner();
  for await (const chunk of source.chunks()) scanner.push(chunk);
  const builder = createRegistryIndex({ touched: scanner.finish() });
  for await (const chunk of textChunks(cmd.registry)) builder.push(chunk);
  const index = builder.finish();
  const planner = createPlanner(index, cmd.options, sink);
  for await (const chunk of source.chunks()) {
    planner.push(chunk);
    await afterChunk();
  }
  const result = planner.finish();
  await afterChunk();
  return { result, index };
}
