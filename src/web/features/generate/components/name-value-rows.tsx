import { Button, IconButton, Stack, TextField, Tooltip, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import CloseIcon from '@mui/icons-material/Close';
import type { NameValueRow } from '../model/generate-form';

interface NameValueRowsProps {
  /** "Tags" or "Desired properties": the group's heading. */
  label: string;
  /** "Tag" or "Desired property": the rows' field labels ("Tag 1 name"). */
  one: string;
  rows: NameValueRow[];
  onChange: (rows: NameValueRow[]) => void;
  problem: string | undefined;
}

/** Twin values as name=value rows; a value that reads as JSON (30, true, {"a":1}) is JSON. */
export function NameValueRows({ label, one, rows, onChange, problem }: NameValueRowsProps) {
  const set = (index: number, row: NameValueRow) =>
    onChange(rows.map((old, i) => (i === index ? row : old)));
  const headingId = `${label.toLowerCase().replace(/\s+/g, '-')}-heading`;
  return (
    <Stack spacing={1} role="group" aria-labelledby={headingId}>
      <Typography id={headingId} variant="subtitle2" component="h3">
        {label}
      </Typography>
      {rows.map((row, index) => (
        <Stack key={index} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <TextField
            size="small"
            label={`${one} ${index + 1} name`}
            value={row.name}
            onChange={(e) => set(index, { ...row, name: e.target.value })}
            sx={{ flex: 1, minWidth: 0 }}
          />
          <TextField
            size="small"
            label={`${one} ${index + 1} value`}
            value={row.value}
            onChange={(e) => set(index, { ...row, value: e.target.value })}
            sx={{ flex: 2, minWidth: 0 }}
          />
          <Tooltip title="Remove this row">
            <IconButton
              aria-label={`Remove ${one.toLowerCase()} ${index + 1}`}
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
            >
              <CloseIcon />
            </IconButton>
          </Tooltip>
        </Stack>
      ))}
      {problem !== undefined && (
        <Typography variant="body2" color="error" role="alert">
          {problem}
        </Typography>
      )}
      <div>
        <Button
          size="small"
          startIcon={<AddIcon />}
          onClick={() => onChange([...rows, { name: '', value: '' }])}
        >
          Add a {one.toLowerCase()}
        </Button>
      </div>
    </Stack>
  );
}
