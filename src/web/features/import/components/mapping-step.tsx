import { memo } from 'react';
import {
  MenuItem,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import type { ColumnInfo, ColumnMapping, MappingTarget } from '../../../../core/convert/types';

const FIXED_TARGETS: readonly MappingTarget[] = [
  'id',
  'moduleId',
  'importMode',
  'status',
  'statusReason',
  'authType',
  'primaryKey',
  'secondaryKey',
  'primaryThumbprint',
  'secondaryThumbprint',
  'eTag',
  'twinETag',
  'tags',
  'desired',
  'iotEdge',
  'deviceScope',
  'parentScopes',
];

function targetsFor(column: ColumnInfo, current: MappingTarget | null): MappingTarget[] {
  const extra = new Set<MappingTarget>([
    `tags.${column.column}`,
    `properties.desired.${column.column}`,
  ]);
  if (column.detected) extra.add(column.detected);
  if (current) extra.add(current);
  return [...new Set<MappingTarget>(['ignore', ...FIXED_TARGETS, ...extra])];
}

interface MappingStepProps {
  columns: ColumnInfo[];
  mapping: ColumnMapping | undefined;
  onChange: (mapping: ColumnMapping) => void;
  disabled?: boolean;
}

/**
 * Detected columns -> fields, with sample values; every change re-runs validation on the whole
 * file.
 */
// Memoised: the wizard re-renders on every upload progress event, and this section does not change
// then.
export const MappingStep = memo(function MappingStep({
  columns,
  mapping,
  onChange,
  disabled = false,
}: MappingStepProps) {
  if (columns.length === 0) return null;
  return (
    <Paper component="section" variant="outlined" aria-labelledby="mapping-heading" sx={{ p: 3 }}>
      <Typography id="mapping-heading" component="h2" variant="h6">
        Column mapping
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Each column of the file goes to one field of the device. Change a field or choose “ignore”;
        the file is checked again.
      </Typography>
      <TableContainer>
        <Table size="small" aria-label="Column mapping">
          <TableHead>
            <TableRow>
              <TableCell>Column</TableCell>
              <TableCell>Field</TableCell>
              <TableCell>Sample values</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {columns.map((column) => {
              const current =
                mapping?.[column.column] ?? column.effective ?? column.detected ?? 'ignore';
              return (
                <TableRow key={column.column}>
                  <TableCell component="th" scope="row">
                    <code>{column.column}</code>
                  </TableCell>
                  <TableCell sx={{ minWidth: 220 }}>
                    <TextField
                      select
                      size="small"
                      fullWidth
                      disabled={disabled}
                      value={current}
                      label={`Field for ${column.column}`}
                      onChange={(event) =>
                        onChange({
                          ...mapping,
                          [column.column]: event.target.value as MappingTarget,
                        })
                      }
                    >
                      {targetsFor(column, current).map((target) => (
                        <MenuItem key={target} value={target}>
                          {target}
                        </MenuItem>
                      ))}
                    </TextField>
                  </TableCell>
                  <TableCell
                    sx={{
                      maxWidth: 320,
                      overflow: 'hidden',
                      textOverflow: 'ellipsis',
                      whiteSpace: 'nowrap',
                    }}
                    title={column.samples.join(', ')}
                  >
                    {column.samples.slice(0, 3).join(', ') || '(empty)'}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
    </Paper>
  );
});
