import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { convertAll } from '../../../../src/core/convert/convert-all';
import {
  hasLongJsonStringValue,
  twinKeyFault,
  utf8Length,
} from '../../../../src/core/convert/twin-property-limits';
import { DEFAULT_OPTIONS } from './support/fixture-cases';

/** Errors of row 1 as `code field`, plus whether the row was accepted. */
function run(input: string): { issues: string[]; valid: boolean } {
  const { report } = convertAll(input, DEFAULT_OPTIONS);
  return {
    issues: report.issues
      .filter((i) => i.row === 1 && i.severity === 'error')
      .map((i) => `${i.code} ${i.field}`),
    valid: report.valid === 1,
  };
}

const csvCell = (text: string): string => `"${text.replace(/"/g, '""')}"`;
const jsonInput = (twin: object): string => JSON.stringify([{ id: 'd', ...twin }]);

describe('twin property value limit (4 KB)', () => {
  it('refuses a string value of 4,097 bytes from a flat column', () => {
    expect(run(`deviceId,desired.blob\nd,${'x'.repeat(4097)}`)).toEqual({
      issues: ['TWIN_VALUE_TOO_LARGE properties.desired.blob'],
      valid: false,
    });
  });

  it('accepts a string value of exactly 4,096 bytes', () => {
    expect(run(`deviceId,desired.blob\nd,${'x'.repeat(4096)}`)).toEqual({
      issues: [],
      valid: true,
    });
  });

  it('counts a multi-byte value in UTF-8 bytes, not characters', () => {
    expect(run(`deviceId,tags.name\nd,${'é'.repeat(2049)}`)).toEqual({
      issues: ['TWIN_VALUE_TOO_LARGE tags.name'],
      valid: false,
    });
    expect(run(`deviceId,tags.name\nd,${'é'.repeat(2048)}`)).toEqual({ issues: [], valid: true });
    expect(run(`deviceId,tags.name\nd,${'😀'.repeat(1025)}`)).toEqual({
      issues: ['TWIN_VALUE_TOO_LARGE tags.name'],
      valid: false,
    });
  });

  it('names the nested path of a long value in a whole-JSON cell', () => {
    const cell = csvCell(JSON.stringify({ site: { notes: 'n'.repeat(4097) } }));
    expect(run(`deviceId,tags\nd,${cell}`)).toEqual({
      issues: ['TWIN_VALUE_TOO_LARGE tags.site.notes'],
      valid: false,
    });
  });

  it('names the nested path of a long value in a JSON object inside a flat column', () => {
    const cell = csvCell(JSON.stringify({ notes: 'ü'.repeat(2049) }));
    expect(run(`deviceId,desired.config\nd,${cell}`)).toEqual({
      issues: ['TWIN_VALUE_TOO_LARGE properties.desired.config.notes'],
      valid: false,
    });
  });

  it('refuses a long value in JSON input and counts JSON escapes as the bytes they decode to', () => {
    expect(
      run(jsonInput({ properties: { desired: { a: { b: 'x'.repeat(4097) } } } })).issues,
    ).toEqual(['TWIN_VALUE_TOO_LARGE properties.desired.a.b']);
    expect(run(jsonInput({ properties: { desired: { t: '\n'.repeat(4096) } } })).valid).toBe(true);
  });

  it('reports an oversize collection rather than the value that makes it so', () => {
    expect(run(`deviceId,tags.blob\nd,${'x'.repeat(9000)}`).issues).toEqual([
      'TWIN_TOO_LARGE tags',
    ]);
  });
});

describe('twin key limits', () => {
  it('refuses a key of 1,025 bytes', () => {
    const key = 'k'.repeat(1025);
    const result = run(jsonInput({ tags: { site: { [key]: 1 } } }));
    expect(result).toEqual({ issues: ['TWIN_KEY_TOO_LONG tags.site'], valid: false });
    expect(run(`deviceId,desired\nd,${csvCell(JSON.stringify({ [key]: 1 }))}`).issues).toEqual([
      'TWIN_KEY_TOO_LONG properties.desired',
    ]);
  });

  it('accepts a key of exactly 1,024 bytes and counts multi-byte keys in bytes', () => {
    expect(run(jsonInput({ tags: { ['ü'.repeat(512)]: 1 } })).valid).toBe(true);
    expect(run(jsonInput({ tags: { ['ü'.repeat(512) + 'x']: 1 } })).issues).toEqual([
      'TWIN_KEY_TOO_LONG tags',
    ]);
  });

  it('refuses a key with a control character', () => {
    const { report } = convertAll(jsonInput({ tags: { 'a\u0007b': 1 } }), DEFAULT_OPTIONS);
    expect(report.issues.map((i) => i.code)).toEqual(['TWIN_KEY_CONTROL_CHAR']);
    expect(report.issues[0]?.message).toContain('U+0007');
    expect(run(jsonInput({ properties: { desired: { x: { 'del\u007f': 1 } } } })).issues).toEqual([
      'TWIN_KEY_CONTROL_CHAR properties.desired.x',
    ]);
  });

  it('refuses a control character or an over-long key in a flat column name, once for the column', () => {
    for (const header of [`deviceId,tags.${'k'.repeat(1025)}`, `deviceId,tags.a\u0001`]) {
      const { report, output } = convertAll(`${header}\nd,1\ne,2`, DEFAULT_OPTIONS);
      expect(report.mappingProblems?.map((p) => p.code)).toEqual(['TWIN_KEY_INVALID']);
      expect(report.written).toBe(false);
      expect(output).toBe('');
    }
  });
});

describe('byte counting', () => {
  it('matches the UTF-8 encoder for any string, lone surrogates included', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        (s) => utf8Length(s) === new TextEncoder().encode(s).length,
      ),
    );
  });

  it('finds a long string value in JSON text exactly when one decodes to more than the limit', () => {
    const value = fc.string({ unit: 'binary', maxLength: 40 });
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string({ maxLength: 8 }),
          fc.oneof(value, fc.array(value, { maxLength: 3 }), fc.integer()),
        ),
        fc.integer({ min: 0, max: 60 }),
        (twin, max) => {
          const longest = Object.values(twin)
            .flatMap((v) => (Array.isArray(v) ? v : [v]))
            .filter((v): v is string => typeof v === 'string')
            .reduce((m, v) => Math.max(m, utf8Length(v)), 0);
          return hasLongJsonStringValue(JSON.stringify(twin), max) === longest > max;
        },
      ),
    );
  });

  it('tells the three kinds of bad key apart', () => {
    expect([
      twinKeyFault(''),
      twinKeyFault('a.b'),
      twinKeyFault('a\tb'),
      twinKeyFault('\u0085'),
      twinKeyFault('€'.repeat(342)),
      twinKeyFault('€'.repeat(341)),
    ]).toEqual(['reserved', 'reserved', 'control', 'control', 'too-long', null]);
  });
});
