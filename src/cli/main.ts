import { parseCliArgs, USAGE } from './parse-cli-args';
import { runCliCommand } from './run-cli-command';

const parsed = parseCliArgs(process.argv.slice(2));
if ('usageError' in parsed) {
  process.stderr.write(
    `${parsed.usageError ? `iot-bulk: ${parsed.usageError}\n\n` : ''}${USAGE}\n`,
  );
  process.exitCode = parsed.usageError ? 2 : 0;
} else {
  const result = await runCliCommand(parsed.ok);
  if (result.stdout) process.stdout.write(result.stdout + '\n');
  if (result.stderr) process.stderr.write(result.stderr + '\n');
  process.exitCode = result.exitCode;
}
