/**
 * What a command hands back to main.ts, which alone writes to the process streams and sets the exit
 * code.
 */
export interface CliResult {
  exitCode: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}
