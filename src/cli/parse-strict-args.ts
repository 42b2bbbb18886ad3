import { parseArgs, type ParseArgsConfig } from 'node:util';

// @types/node exports the config but not its options type.
type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;
type StrictConfig<T extends ParseArgsOptionsConfig> = {
  args: string[];
  options: T;
  allowPositionals: true;
  strict: true;
};
type StrictResult<T extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<StrictConfig<T>>>;

/**
 * node's parseArgs in strict mode with positionals, for every command: an unknown or malformed flag
 * and `--help` come back as a usage error (empty for --help) instead of a throw. The options must
 * declare `help`.
 */
export function parseStrictArgs<
  const T extends ParseArgsOptionsConfig & { help: { type: 'boolean' } },
>(
  args: string[],
  options: T,
): { parsed: StrictResult<T>; usageError?: undefined } | { usageError: string } {
  let parsed: StrictResult<T>;
  try {
    parsed = parseArgs<StrictConfig<T>>({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    return { usageError: error instanceof Error ? error.message : String(error) };
  }
  if ((parsed.values as { help?: boolean }).help) return { usageError: '' };
  return { parsed };
}
