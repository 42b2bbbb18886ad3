import {
  Box,
  IconButton,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import { alpha } from '@mui/material/styles';
import type { Theme } from '@mui/material/styles';
import type { DeviceChange } from '../../../../core/diff';
import { ErrorPanel } from '../../../components/error-panel';
import { LoadingBlock } from '../../../components/loading-block';
import type { DescribeRow, DiffClient } from '../../../workers/diff/diff-client';
import { useDescribeDevice } from '../api/describe-device';
import { fieldWords } from '../model/field-words';
import { keysVerdict, showValue } from '../model/show-value';

const KEYS_PATH = 'authentication.keys';

// Pixel units on purpose: in sx a width of 1 means 100 %.
const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

function FieldRow({ row, keysMasked }: { row: DescribeRow; keysMasked: boolean }) {
  // A tint rather than a solid fill keeps the text readable in light and dark themes.
  const highlight =
    row.changed && !(keysMasked && row.path === KEYS_PATH)
      ? { bgcolor: (theme: Theme) => alpha(theme.palette.warning.main, 0.2) }
      : {};
  const isKeys = row.path === KEYS_PATH;
  return (
    <TableRow>
      <TableCell
        component="th"
        scope="row"
        sx={{ fontWeight: row.changed ? 700 : 400, wordBreak: 'break-all' }}
      >
        {fieldWords(row.path)}
        {row.changed && (
          <Box component="span" sx={VISUALLY_HIDDEN}>
            {' '}
            (changed)
          </Box>
        )}
      </TableCell>
      {isKeys ? (
        <TableCell colSpan={2} sx={highlight}>
          Keys {keysVerdict(row, keysMasked)}
        </TableCell>
      ) : (
        <>
          <TableCell sx={{ ...highlight, fontFamily: 'monospace', wordBreak: 'break-all' }}>
            {showValue(row.a)}
          </TableCell>
          <TableCell sx={{ ...highlight, fontFamily: 'monospace', wordBreak: 'break-all' }}>
            {showValue(row.b)}
          </TableCell>
        </>
      )}
    </TableRow>
  );
}

/**
 * A on the left, B on the right, one row per field; changed fields highlighted and named for screen
 * readers.
 */
interface SideBySideProps {
  client: DiffClient | null;
  change: DeviceChange;
  /** The proxy masked keys (support users): the keys row cannot say whether they changed. */
  keysMasked: boolean;
  onClose: () => void;
}

export function SideBySide({ client, change, keysMasked, onClose }: SideBySideProps) {
  const rows = useDescribeDevice(client, change);
  const name = change.moduleId === undefined ? change.id : `${change.id} / ${change.moduleId}`;
  return (
    <Paper variant="outlined" component="aside" aria-label={`Fields of ${name}`} sx={{ p: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
        <Typography component="h2" variant="h6" sx={{ wordBreak: 'break-all' }}>
          {name}
        </Typography>
        <IconButton onClick={onClose} aria-label="Close field view">
          <CloseIcon />
        </IconButton>
      </Stack>
      {rows.isPending && <LoadingBlock label="Comparing fields..." />}
      {rows.isError && (
        <ErrorPanel
          error={rows.error}
          context="Comparing the fields"
          onRetry={() => void rows.refetch()}
        />
      )}
      {rows.data && (
        <Table size="small" aria-label={`Field comparison of ${name}`}>
          <TableHead>
            <TableRow>
              <TableCell>Field</TableCell>
              <TableCell>A (before)</TableCell>
              <TableCell>B (after)</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.data.map((row) => (
              <FieldRow key={row.path} row={row} keysMasked={keysMasked} />
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}
