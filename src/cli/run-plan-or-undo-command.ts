import type { CliResult } from './cli-result';
import type { PlanCommand } from './parse-plan-args';
import { runPlanCommand } from './run-plan-command';
import { runUndoCommand } from './run-undo-command';

export function isPlanCommand(cmd: { command: string }): cmd is PlanCommand {
  return cmd.command === 'plan' || cmd.command === 'undo';
}

/** The CLI's dispatch hands both plan commands here, so registering them is one line. */
export function runPlanOrUndoCommand(cmd: PlanCommand): Promise<CliResult> {
  return cmd.command === 'plan' ? runPlanCommand(cmd) : runUndoCommand(cmd);
}
