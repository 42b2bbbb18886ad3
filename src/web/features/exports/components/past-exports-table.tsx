import { useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import {
  Button,
  Chip,
  Link,
  Paper,
  Radio,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { ExportNameText } from '../../../components/export-name-text';
import { exportNameWords } from '../../../lib/export-name';
import { formatBytes } from '../../../lib/format';
import { defaultComparePair, diffLink } from '../model/export-rows';
import type { ExportRow, KeysState } from '../model/export-rows';
import { DeviceCountCell } from './device-count-cell';
import { STATUS_COLORS, STATUS_WORDS } from '../../../lib/job-status-words';

const KEYS_WORDS: Record<KeysState, string> = {
  excluded: 'Excluded',
  included: 'Included',
  unknown: 'Unknown',
};

/** Past exports, newest first; pick A and B with the radio columns, then Compare. */
export function PastExportsTable({ rows }: { rows: ExportRow[] }) {
  const navigate = useNavigate();
  const initial = defaultComparePair(rows);
  // Start with no choice of our own, so the defaults follow the list as exports finish; a seeded
  // choice would freeze A on the export that was newest when the page opened.
  const [pair, setPair] = useState<{ a: string | null; b: string | null }>({ a: null, b: null });
  const a = pair.a ?? initial.a;
  const b = pair.b ?? initial.b;
  const canCompare = a !== null && b !== null && a !== b;

  return (
    <Paper variant="outlined" component="section" aria-labelledby="past-exports-heading">
      <Stack
        direction="row"
        spacing={2}
        sx={{
          p: 2,
          alignItems: 'center',
          justifyContent: 'space-between',
          flexWrap: 'wrap',
          rowGap: 1,
        }}
      >
        <div>
          <Typography id="past-exports-heading" component="h2" variant="h6">
            Past exports
          </Typography>
          <Typography variant="body2" color="text.secondary">
            Pick two completed exports: A is before, B after. “Added” means only in B.
          </Typography>
        </div>
        <Stack direction="row" spacing={1}>
          <Button onClick={() => setPair({ a: b, b: a })} disabled={!canCompare}>
            Swap A and B
          </Button>
          <Button
            variant="contained"
            disabled={!canCompare}
            onClick={() => canCompare && void navigate(diffLink(a, b))}
          >
            Compare
          </Button>
        </Stack>
      </Stack>
      <TableContainer>
        <Table size="small" aria-label="Past exports">
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox">A</TableCell>
              <TableCell padding="checkbox">B</TableCell>
              <TableCell>Export</TableCell>
              <TableCell>Who</TableCell>
              <TableCell align="right">Devices</TableCell>
              <TableCell align="right">Size</TableCell>
              <TableCell>Keys</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Open</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => {
              const name = exportNameWords(row.name);
              return (
                <TableRow key={row.ref} hover selected={row.ref === a || row.ref === b}>
                  <TableCell padding="checkbox">
                    <Radio
                      checked={row.ref === a}
                      disabled={!row.ready}
                      onChange={() => setPair({ a: row.ref, b })}
                      slotProps={{ input: { 'aria-label': `Use export ${name} as A` } }}
                    />
                  </TableCell>
                  <TableCell padding="checkbox">
                    <Radio
                      checked={row.ref === b}
                      disabled={!row.ready}
                      onChange={() => setPair({ a, b: row.ref })}
                      slotProps={{ input: { 'aria-label': `Use export ${name} as B` } }}
                    />
                  </TableCell>
                  <TableCell>
                    <ExportNameText name={row.name} />
                  </TableCell>
                  <TableCell>{row.who ?? '-'}</TableCell>
                  <TableCell align="right">
                    <DeviceCountCell count={row.devices} />
                  </TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    {row.size === null ? '-' : formatBytes(row.size)}
                  </TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      variant="outlined"
                      label={KEYS_WORDS[row.keys]}
                      color={row.keys === 'included' ? 'warning' : 'default'}
                    />
                  </TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      label={STATUS_WORDS[row.status]}
                      color={STATUS_COLORS[row.status]}
                    />
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {row.ready ? (
                      <Button
                        size="small"
                        component={RouterLink}
                        to={`/exports/${encodeURIComponent(row.ref)}`}
                        aria-label="Browse"
                        title={`Browse export ${name}`}
                      >
                        Browse
                      </Button>
                    ) : (
                      <Link component={RouterLink} to={`/jobs/${encodeURIComponent(row.ref)}`}>
                        Job
                      </Link>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
    </Paper>
  );
}
