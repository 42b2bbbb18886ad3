import { MenuItem, Stack, TextField } from '@mui/material';
import { formatCount } from '../../../lib/format';
import type { ChangeFilter, FieldCount } from '../model/filter-changes';
import { fieldWords } from '../model/field-words';

interface ChangeFiltersProps {
  filter: ChangeFilter;
  onChange: (filter: ChangeFilter) => void;
  fields: FieldCount[];
}

// An empty value means "Any": show that item rather than an empty box under the label.
const ANY_SHOWN = { inputLabel: { shrink: true }, select: { displayEmpty: true } };

export function ChangeFilters({ filter, onChange, fields }: ChangeFiltersProps) {
  return (
    <Stack
      direction="row"
      spacing={2}
      useFlexGap
      sx={{ flexWrap: 'wrap' }}
      role="search"
      aria-label="Filter changes"
    >
      <TextField
        select
        slotProps={ANY_SHOWN}
        size="small"
        label="Kind"
        value={filter.kind}
        onChange={(e) => onChange({ ...filter, kind: e.target.value as ChangeFilter['kind'] })}
        sx={{ minWidth: 180 }}
      >
        <MenuItem value="">Any</MenuItem>
        <MenuItem value="added">Added (only in B)</MenuItem>
        <MenuItem value="removed">Removed (only in A)</MenuItem>
        <MenuItem value="changed">Changed</MenuItem>
      </TextField>
      <TextField
        select
        slotProps={ANY_SHOWN}
        size="small"
        label="Field"
        value={filter.field}
        onChange={(e) => onChange({ ...filter, field: e.target.value })}
        sx={{ minWidth: 260 }}
      >
        <MenuItem value="">Any</MenuItem>
        {fields.map((entry) => (
          <MenuItem key={entry.field} value={entry.field}>
            {fieldWords(entry.field)} ({formatCount(entry.count)})
          </MenuItem>
        ))}
      </TextField>
    </Stack>
  );
}
