import {
  Button,
  Checkbox,
  FormControlLabel,
  FormGroup,
  Paper,
  Stack,
  Typography,
} from '@mui/material';
import { FileDropZone } from '../../../components/file-drop-zone';
import { exportNameWords, type ExportName } from '../../../lib/export-name';
import { formatBytes } from '../../../lib/format';

interface DiffInputsProps {
  a: string | null;
  b: string | null;
  /** A's and B's label, time and short id, once their records have arrived. */
  nameA: ExportName | null;
  nameB: ExportName | null;
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
  nameA,
  nameB,
  fileB,
  onFileB,
  includeVersionFields,
  includeReported,
  onOptions,
}: DiffInputsProps) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Diff inputs">
      <Stack spacing={1} sx={{ overflowWrap: 'anywhere' }}>
        <Typography variant="body2">
          <strong>A</strong> (before): <ExportLabel exportRef={a} name={nameA} />
        </Typography>
        <Typography variant="body2">
          <strong>B</strong> (after):{' '}
          {fileB ? (
            <>
              file <code>{fileB.name}</code> ({formatBytes(fileB.size)}){' '}
              <Button size="small" onClick={() => onFileB(null)} disabled={b === null}>
                Use export {nameB ? exportNameWords(nameB) : (b ?? '')} instead
              </Button>
            </>
          ) : (
            <ExportLabel exportRef={b} name={nameB} />
          )}
        </Typography>
        <FileDropZone
          file={fileB}
          onFile={onFileB}
          inputLabel="Device list file for B"
          prompt="Drop a device list here to compare A with it as B, or"
          accept=".csv,.json,.ndjson,.txt,.jsonl"
        >
          <Typography variant="caption" color="text.secondary">
            CSV, JSON, NDJSON or an export’s devices.txt; converted here in the browser. A file
            cannot be part of a shared link.
          </Typography>
        </FileDropZone>
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

/** "export before the move · 27 Nov 2026, 10:00:00 · id efghij", the full ref until it is known. */
function ExportLabel({ exportRef, name }: { exportRef: string | null; name: ExportName | null }) {
  if (exportRef === null) return <>export not chosen</>;
  if (name === null)
    return (
      <>
        export <code>{exportRef}</code>
      </>
    );
  return <span title={`Export ${exportRef}`}>export {exportNameWords(name)}</span>;
}
