import { memo, useState } from 'react';
import {
  FormControlLabel,
  Paper,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type {
  ColumnInfo,
  ColumnMapping,
  MappingProblem,
  MappingTarget,
} from '../../../../core/convert/types';
import { MappingRow } from './mapping-row';

interface MappingStepProps {
  columns: ColumnInfo[];
  problems?: MappingProblem[] | undefined;
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
  problems,
  mapping,
  onChange,
  disabled = false,
}: MappingStepProps) {
  const [showKeys, setShowKeys] = useState(false);
  if (columns.length === 0) return null;
  const change = (column: string, target: MappingTarget) =>
    onChange({ ...mapping, [column]: target });
  return (
    <Paper component="section" variant="outlined" aria-labelledby="mapping-heading" sx={{ p: 3 }}>
      <Typography id="mapping-heading" component="h2" variant="h6">
        Column mapping
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Each column of the file goes to one field of the device. Change a field, type the name of a
        tag or desired property, or choose “ignore”; the file is checked again.
      </Typography>
      <FormControlLabel
        control={<Switch checked={showKeys} onChange={(e) => setShowKeys(e.target.checked)} />}
        label="Show key values in the samples"
        sx={{ mb: 1 }}
      />
      <TableContainer sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label="Column mapping">
          <TableHead>
            <TableRow>
              <TableCell>Column</TableCell>
              <TableCell>Field</TableCell>
              <TableCell>Sample values</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {columns.map((column) => (
              <MappingRow
                key={column.column}
                column={column}
                current={
                  mapping?.[column.column] ?? column.effective ?? column.detected ?? 'ignore'
                }
                problem={problems?.find((p) => p.column === column.column)}
                showKeys={showKeys}
                disabled={disabled}
                onChange={(target) => change(column.column, target)}
              />
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Paper>
  );
});
