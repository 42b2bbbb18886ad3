import { MenuItem, TextField } from '@mui/material';
import { formatCount } from '../lib/format';

export interface CountedOption {
  value: string;
  /** What the option says before its count. */
  words: string;
  count: number;
}

export interface CountFilterSelectProps {
  label: string;
  /** The empty value's words ("All reasons"): every row, with the total count. */
  allWords: string;
  total: number;
  options: readonly CountedOption[];
  value: string;
  onChange: (value: string) => void;
  minWidth: number;
}

/**
 * A filter of rows by one key (an issue code, an error code), each choice with the number of rows
 * it shows, so the admin sees the largest group before choosing it.
 */
export function CountFilterSelect({
  label,
  allWords,
  total,
  options,
  value,
  onChange,
  minWidth,
}: CountFilterSelectProps) {
  return (
    <TextField
      select
      size="small"
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      sx={{ minWidth }}
    >
      <MenuItem value="">
        {allWords} ({formatCount(total)})
      </MenuItem>
      {options.map((option) => (
        <MenuItem key={option.value} value={option.value}>
          {option.words} ({formatCount(option.count)})
        </MenuItem>
      ))}
    </TextField>
  );
}
