import { Box, Typography } from '@mui/material';
import { formatDateTime } from '../lib/format';
import type { ExportName } from '../lib/export-name';

/** An export's label (bold), start time and short id, in the same order wherever it is named. */
export function ExportNameText({ name }: { name: ExportName }) {
  return (
    <Box component="span" sx={{ display: 'inline-flex', flexDirection: 'column' }}>
      {name.label && (
        <Typography component="span" variant="body2" sx={{ fontWeight: 600 }}>
          {name.label}
        </Typography>
      )}
      <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(name.time)}
        {name.shortId && (
          <>
            {' · id '}
            <Box component="code" sx={{ fontFamily: 'monospace' }}>
              {name.shortId}
            </Box>
          </>
        )}
      </Typography>
    </Box>
  );
}
