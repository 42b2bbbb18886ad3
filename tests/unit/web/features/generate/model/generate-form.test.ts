import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GENERATE_FORM,
  problemOf,
  readGenerateForm,
} from '../../../../../../src/web/features/generate/model/generate-form';

describe('readGenerateForm', () => {
  it('accepts the default form as a spec of 100 devices from device-000001', () => {
    const { spec, problems } = readGenerateForm(DEFAULT_GENERATE_FORM);
    expect(problems).toEqual([]);
    expect(spec).toMatchObject({ count: 100, start: 1, pattern: 'device-{n:6}', keys: 'hub' });
    expect(spec.tags).toBeUndefined();
  });

  it('puts a count that is not a whole number on the count field', () => {
    const { problems } = readGenerateForm({ ...DEFAULT_GENERATE_FORM, count: '2.5' });
    expect(problemOf(problems, 'count')).toMatch(/whole number/);
    expect(problemOf(problems, 'pattern')).toBeUndefined();
  });

  it('puts a pattern without a counter on the pattern field', () => {
    const { problems } = readGenerateForm({ ...DEFAULT_GENERATE_FORM, pattern: 'sensor' });
    expect(problemOf(problems, 'pattern')).toMatch(/placeholder/);
  });

  it('reads tag values as JSON when they parse, as text otherwise, and skips empty rows', () => {
    const { spec, problems } = readGenerateForm({
      ...DEFAULT_GENERATE_FORM,
      tags: [
        { name: 'site', value: 'lab' },
        { name: '', value: '' },
        { name: 'floor', value: '3' },
      ],
      desired: [{ name: 'config', value: '{"a":true}' }],
    });
    expect(problems).toEqual([]);
    expect(spec.tags).toEqual({ site: 'lab', floor: 3 });
    expect(spec.desired).toEqual({ config: { a: true } });
  });

  it('names the row of a tag value without a name and of a name given twice', () => {
    const noName = readGenerateForm({
      ...DEFAULT_GENERATE_FORM,
      tags: [{ name: '', value: 'lab' }],
    });
    expect(problemOf(noName.problems, 'tags')).toBe('Row 1: the tag needs a name.');
    const twice = readGenerateForm({
      ...DEFAULT_GENERATE_FORM,
      desired: [
        { name: 'a', value: '1' },
        { name: 'a', value: '2' },
      ],
    });
    expect(problemOf(twice.problems, 'desired')).toBe('Row 2: "a" is named twice.');
  });
});
