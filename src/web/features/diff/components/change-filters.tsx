import { AnySelect, FilterBar } from '../../../components/filter-bar';
import { formatCount } from '../../../lib/format';
import type { ChangeFilter, FieldCount } from '../model/filter-changes';
import { fieldWords } from '../model/field-words';

interface ChangeFiltersProps {
  filter: ChangeFilter;
  onChange: (filter: ChangeFilter) => void;
  fields: FieldCount[];
}

const KINDS = [
  { value: 'added', words: 'Added (only in B)' },
  { value: 'removed', words: 'Removed (only in A)' },
  { value: 'changed', words: 'Changed' },
] as const;

export function ChangeFilters({ filter, onChange, fields }: ChangeFiltersProps) {
  return (
    <FilterBar label="Filter changes">
      <AnySelect
        label="Kind"
        value={filter.kind}
        onChange={(kind) => onChange({ ...filter, kind: kind as ChangeFilter['kind'] })}
        options={KINDS}
        minWidth={180}
      />
      <AnySelect
        label="Field"
        value={filter.field}
        onChange={(field) => onChange({ ...filter, field })}
        options={fields.map((entry) => ({
          value: entry.field,
          words: `${fieldWords(entry.field)} (${formatCount(entry.count)})`,
        }))}
        minWidth={260}
      />
    </FilterBar>
  );
}
