import { Box, Checkbox, FormControlLabel, Stack, TextField } from '@mui/material';
import { DEFAULT_CHUNK_SIZE } from '../../contracts/api';

export interface ChunkChoice {
  chunkSize: number;
  stopPercent: number;
}

export const DEFAULT_CHUNK_CHOICE: ChunkChoice = { chunkSize: DEFAULT_CHUNK_SIZE, stopPercent: 10 };

/**
 * "Import in chunks": the file goes up once and the server splits it into sequential jobs of at
 * most N devices, stopping the run when more than X% of a chunk fails (docs/import-wizard.md).
 */
export function ChunkOptions({
  value,
  onChange,
  disabled,
}: {
  value: ChunkChoice | null;
  onChange: (value: ChunkChoice | null) => void;
  disabled: boolean;
}) {
  const number = (text: string, fallback: number): number => {
    const parsed = Number(text);
    return Number.isFinite(parsed) ? parsed : fallback;
  };
  return (
    <Box>
      <FormControlLabel
        control={
          <Checkbox
            checked={value !== null}
            disabled={disabled}
            onChange={(event) => onChange(event.target.checked ? DEFAULT_CHUNK_CHOICE : null)}
          />
        }
        label="Import in chunks"
      />
      {value && (
        <Stack direction="row" spacing={2} sx={{ mt: 1, flexWrap: 'wrap', rowGap: 1 }}>
          <TextField
            label="Devices per chunk"
            type="number"
            size="small"
            value={value.chunkSize}
            disabled={disabled}
            onChange={(event) =>
              onChange({
                ...value,
                chunkSize: Math.max(1, Math.round(number(event.target.value, 1))),
              })
            }
            slotProps={{ htmlInput: { min: 1, max: 1_000_000 } }}
          />
          <TextField
            label="Stop if more than this % of a chunk fails"
            type="number"
            size="small"
            value={value.stopPercent}
            disabled={disabled}
            onChange={(event) =>
              onChange({
                ...value,
                stopPercent: Math.min(100, Math.max(0, number(event.target.value, 0))),
              })
            }
            slotProps={{ htmlInput: { min: 0, max: 100 } }}
            sx={{ minWidth: 300 }}
          />
        </Stack>
      )}
    </Box>
  );
}
