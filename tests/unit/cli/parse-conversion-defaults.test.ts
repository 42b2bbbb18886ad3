import { describe, expect, it } from 'vitest';
import { parseConversionDefaults } from '../../../src/cli/parse-conversion-defaults';

describe('--format, --mode and --status of a list', () => {
  it('reads them, the status in any case', () => {
    expect(parseConversionDefaults({ format: 'csv', mode: 'create', status: 'Disabled' })).toEqual({
      ok: { format: 'csv', mode: 'create', status: 'disabled' },
    });
  });

  it('names the option that is wrong', () => {
    const ok = { format: 'auto', mode: 'create', status: 'enabled' };
    expect(parseConversionDefaults({ ...ok, format: 'xml' })).toEqual({
      usageError: '--format must be one of auto, csv, json, ndjson',
    });
    expect(parseConversionDefaults({ ...ok, mode: 'upsert' })).toEqual({
      usageError: '--mode "upsert" is not an import mode',
    });
    expect(parseConversionDefaults({ ...ok, status: 'on' })).toEqual({
      usageError: '--status must be enabled or disabled',
    });
  });
});
