import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  ConversionReportSchema,
  ConvertOptionsSchema,
} from '../../../../src/contracts/worker/conversion-report';
import type { ConversionReport, ConvertOptions } from '../../../../src/core/convert/types';

// zod strips keys it does not know: an option added to core but not to the worker schema silently
// never reaches the worker (the one-key fix did exactly that once). These keep the two in step.
describe('the conversion schemas at the worker boundary', () => {
  it('name every field of the core types', () => {
    expectTypeOf<keyof z.infer<typeof ConvertOptionsSchema>>().toEqualTypeOf<
      keyof ConvertOptions
    >();
    expectTypeOf<keyof z.infer<typeof ConversionReportSchema>>().toEqualTypeOf<
      keyof ConversionReport
    >();
  });

  it('keep every option when parsing', () => {
    const options: Required<ConvertOptions> = {
      format: 'csv',
      defaultMode: 'create',
      defaultStatus: 'enabled',
      keyPolicy: 'generate-here',
      mapping: { 'Tag: x': 'tags.x' },
      skipInvalid: true,
      strictIds: true,
      oneKeyFix: 'generate-other',
      trimIds: true,
      maxIssues: 10,
    };
    expect(ConvertOptionsSchema.parse(options)).toEqual(options);
  });

  it('count issues only by codes of the catalogue', () => {
    const counts = ConversionReportSchema.shape.issueCounts;
    expectTypeOf<NonNullable<z.infer<typeof counts>>>().toEqualTypeOf<
      NonNullable<ConversionReport['issueCounts']>
    >();
    expect(counts.safeParse({ ID_MISSING: 2, CSV_QUOTES: 1 }).success).toBe(true);
    expect(counts.safeParse({ NOT_A_CODE: 1 }).success).toBe(false);
  });
});
