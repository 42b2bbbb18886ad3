import type { ReactNode } from 'react';
import { MenuItem, Stack, TextField } from '@mui/material';

// The row of filters above a list (the registry's devices, the diff's changes): a search landmark
// that wraps on narrow screens, and selects whose empty choice reads "Any".

export function FilterBar({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack
      direction="row"
      spacing={2}
      useFlexGap
      sx={{ flexWrap: 'wrap' }}
      role="search"
      aria-label={label}
    >
      {children}
    </Stack>
  );
}

export interface AnySelectOption {
  value: string;
  words: string;
}

export interface AnySelectProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly AnySelectOption[];
  minWidth: number;
  /** The value that means "no filter"; the empty string unless the filter names its own. */
  anyValue?: string;
}

// The "Any" choice is shown rather than an empty box under the label.
const ANY_SHOWN = { inputLabel: { shrink: true }, select: { displayEmpty: true } };

export function AnySelect({
  label,
  value,
  onChange,
  options,
  minWidth,
  anyValue = '',
}: AnySelectProps) {
  return (
    <TextField
      select
      slotProps={ANY_SHOWN}
      size="small"
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      sx={{ minWidth }}
    >
      <MenuItem value={anyValue}>Any</MenuItem>
      {options.map((option) => (
        <MenuItem key={option.value} value={option.value}>
          {option.words}
        </MenuItem>
      ))}
    </TextField>
  );
}
