import {
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  FormGroup,
  Paper,
  Stack,
  Typography,
} from '@mui/material';
import { formatBytes } from '../../../lib/format';

interface DiffInputsProps {
  a: string | null;
  b: string | null;
  fileB: File | null;
  onFileB: (file: File | null) => void;
  includeVersionFields: boolean;
  includeReported: boolean;
  onOptions: (next: { includeVersionFields: boolean; includeReported: boolean }) => void;
}

/** What is compared with what, the file input for B, and the two "also compare" switches. */
export function DiffInputs({
  a,
  b,
  fileB,
  onFileB,
  includeVersionFields,
  includeReported,
  onOptions,
}: DiffInputsProps) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Diff inputs">
      <Stack spacing={1}>
        <Typography variant="body2">
          <strong>A</strong> (before): export <code>{a ?? 'not chosen'}</code>
        </Typography>
        <Typography variant="body2">
          <strong>B</strong> (after):{' '}
          {fileB ? (
            <>
              file <code>{fileB.name}</code> ({formatBytes(fileB.size)}){' '}
              <Button size="small" onClick={() => onFileB(null)} disabled={b === null}>
                Use export {b ?? ''} instead
              </Button>
            </>
          ) : (
            <>
              export <code>{b ?? 'not chosen'}</code>
            </>
          )}
        </Typography>
        <Box>
          <Typography
            component="label"
            htmlFor="diff-file-b"
            variant="body2"
            sx={{ display: 'block', mb: 0.5 }}
          >
            Device list file for B
          </Typography>
          <input
            id="diff-file-b"
            type="file"
            accept=".csv,.json,.ndjson,.txt,.jsonl"
            onChange={(event) => {
              onFileB(event.target.files?.[0] ?? null);
              event.target.value = '';
            }}
          />
          <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
            CSV, JSON, NDJSON or an export’s devices.txt; converted here in the browser. A file
            cannot be part of a shared link.
          </Typography>
        </Box>
        <FormGroup row>
          <FormControlLabel
            control={
              <Checkbox
                checked={includeVersionFields}
                onChange={(e) =>
                  onOptions({ includeVersionFields: e.target.checked, includeReported })
                }
              />
            }
            label="Also compare version fields (eTag, $metadata, $version)"
          />
          <FormControlLabel
            control={
              <Checkbox
                checked={includeReported}
                onChange={(e) =>
                  onOptions({ includeVersionFields, includeReported: e.target.checked })
                }
              />
            }
            label="Also compare reported properties"
          />
        </FormGroup>
      </Stack>
    </Paper>
  );
}
