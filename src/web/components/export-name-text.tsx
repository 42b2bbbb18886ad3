import { Box, Typography } from '@mui/material';
import { formatDateTime } from '../lib/format';
import type { ExportName } from '../lib/export-name';

/** An export's label (bold), start time and short id, in the same order wherever it is named. */
export function ExportNameText({ name }: { name: ExportName }) {
  return (
    <Box component="span" sx={{ display: 'inline-flex', flexDirection: 'column' }}>
      {name.label && (
        // A label may be 100 characters without a space: it wraps anywhere rather than widen the table.
        <Typography
          component="span"
          variant="body2"
          sx={{ fontWeight: 600, overflowWrap: 'anywhere', maxWidth: '40ch' }}
        >
          {name.label}
        </Typography>
      )}
      {/* Time and id each stay whole, but may go on two lines in a narrow column. */}
      <Typography component="span" variant="body2">
        <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(name.time)}</span>
        {name.shortId && (
          <>
            {' · '}
            <span style={{ whiteSpace: 'nowrap' }}>
              id{' '}
              <Box component="code" sx={{ fontFamily: 'monospace' }}>
                {name.shortId}
              </Box>
            </span>
          </>
        )}
      </Typography>
    </Box>
  );
}
