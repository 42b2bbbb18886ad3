import { MenuItem, Stack, TextField } from '@mui/material';
import {
  OUTCOME_FILTER_LABELS,
  type JobFilters,
  type OutcomeFilter,
  type TypeFilter,
} from '../model/filter-jobs';

const TYPE_LABELS: Record<TypeFilter, string> = {
  all: 'Imports and exports',
  import: 'Imports',
  export: 'Exports',
};

interface JobsFilterBarProps {
  filters: JobFilters;
  onChange: (filters: JobFilters) => void;
}

export function JobsFilterBar({ filters, onChange }: JobsFilterBarProps) {
  return (
    <Stack
      component="search"
      aria-label="Filter jobs"
      direction="row"
      sx={{ gap: 2, flexWrap: 'wrap', mb: 2 }}
    >
      <TextField
        select
        size="small"
        label="Type"
        value={filters.type}
        onChange={(event) => onChange({ ...filters, type: event.target.value as TypeFilter })}
        sx={{ minWidth: 190 }}
      >
        {Object.entries(TYPE_LABELS).map(([value, label]) => (
          <MenuItem key={value} value={value}>
            {label}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        label="Outcome"
        value={filters.outcome}
        onChange={(event) => onChange({ ...filters, outcome: event.target.value as OutcomeFilter })}
        sx={{ minWidth: 230 }}
      >
        {Object.entries(OUTCOME_FILTER_LABELS).map(([value, label]) => (
          <MenuItem key={value} value={value}>
            {label}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        size="small"
        type="search"
        label="Search file, label, id or person"
        value={filters.search}
        onChange={(event) => onChange({ ...filters, search: event.target.value })}
        sx={{ minWidth: 260, flex: '1 1 260px', maxWidth: 420 }}
      />
    </Stack>
  );
}
