import type { ChildProcess } from 'node:child_process';

// Azurite has been seen to print "successfully closed" after SIGTERM and keep running for minutes
// (docs/reference/stack-facts.md#azurite), so a stop waits for the exit and escalates to SIGKILL
// after a grace period.
export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
