import { memo } from 'react';
import { TextField } from '@mui/material';
import { AnySelect, FilterBar } from '../../../components/filter-bar';
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

const EDGE_CHOICES = [
  { value: 'edge', words: 'Edge devices' },
  { value: 'not-edge', words: 'Not edge' },
] as const;

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
    <FilterBar label="Filter devices">
      <TextField
        label="Search device id"
        size="small"
        value={filter.search}
        onChange={(e) => set('search', e.target.value)}
        sx={{ minWidth: 220 }}
      />
      <AnySelect
        label="Status"
        value={filter.status}
        onChange={(status) => set('status', status)}
        options={statuses.map((status) => ({ value: status, words: status }))}
        minWidth={140}
      />
      <AnySelect
        label="Auth type"
        value={filter.authType}
        onChange={(type) => set('authType', type)}
        options={authTypes.map((type) => ({ value: type, words: AUTH_WORDS[type] ?? type }))}
        minWidth={170}
      />
      <AnySelect
        label="IoT Edge"
        value={filter.edge}
        onChange={(edge) => set('edge', edge as RegistryFilter['edge'])}
        options={EDGE_CHOICES}
        minWidth={140}
        anyValue="any"
      />
      <TextField
        label="Tag value"
        size="small"
        value={filter.tag}
        onChange={(e) => set('tag', e.target.value)}
        helperText="A value, or name=value"
        sx={{ minWidth: 200 }}
      />
    </FilterBar>
  );
});
