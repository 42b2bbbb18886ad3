import { memo } from 'react';
import { MenuItem, Stack, TextField } from '@mui/material';
import type { RegistryFilter } from '../../../workers/registry/registry-filter';

interface RegistryFiltersProps {
  filter: RegistryFilter;
  onChange: (filter: RegistryFilter) => void;
  statuses: string[];
  authTypes: string[];
}

const AUTH_WORDS: Record<string, string> = {
  sas: 'SAS keys',
  selfSigned: 'X.509 self-signed',
  certificateAuthority: 'X.509 CA-signed',
  none: 'None',
  unknown: 'Not exported',
};

// An empty value means "Any": show that item rather than an empty box under the label.
const ANY_SHOWN = { inputLabel: { shrink: true }, select: { displayEmpty: true } };

// Memoized: the page re-renders a few times a second while the file loads; the filters rarely
// change.
export const RegistryFilters = memo(function RegistryFilters({
  filter,
  onChange,
  statuses,
  authTypes,
}: RegistryFiltersProps) {
  const set = <K extends keyof RegistryFilter>(key: K, value: RegistryFilter[K]) =>
    onChange({ ...filter, [key]: value });
  return (
    <Stack
      direction="row"
      spacing={2}
      useFlexGap
      sx={{ flexWrap: 'wrap' }}
      role="search"
      aria-label="Filter devices"
    >
      <TextField
        label="Search device id"
        size="small"
        value={filter.search}
        onChange={(e) => set('search', e.target.value)}
        sx={{ minWidth: 220 }}
      />
      <TextField
        select
        slotProps={ANY_SHOWN}
        label="Status"
        size="small"
        value={filter.status}
        onChange={(e) => set('status', e.target.value)}
        sx={{ minWidth: 140 }}
      >
        <MenuItem value="">Any</MenuItem>
        {statuses.map((status) => (
          <MenuItem key={status} value={status}>
            {status}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        slotProps={ANY_SHOWN}
        label="Auth type"
        size="small"
        value={filter.authType}
        onChange={(e) => set('authType', e.target.value)}
        sx={{ minWidth: 170 }}
      >
        <MenuItem value="">Any</MenuItem>
        {authTypes.map((type) => (
          <MenuItem key={type} value={type}>
            {AUTH_WORDS[type] ?? type}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        slotProps={ANY_SHOWN}
        label="IoT Edge"
        size="small"
        value={filter.edge}
        onChange={(e) => set('edge', e.target.value as RegistryFilter['edge'])}
        sx={{ minWidth: 140 }}
      >
        <MenuItem value="any">Any</MenuItem>
        <MenuItem value="edge">Edge devices</MenuItem>
        <MenuItem value="not-edge">Not edge</MenuItem>
      </TextField>
      <TextField
        label="Tag value"
        size="small"
        value={filter.tag}
        onChange={(e) => set('tag', e.target.value)}
        helperText="A value, or name=value"
        sx={{ minWidth: 200 }}
      />
    </Stack>
  );
});
