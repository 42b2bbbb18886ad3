import type { ReactNode } from 'react';
import { Box } from '@mui/material';

export interface ListWithDetailProps {
  list: ReactNode;
  /** The selected row's panel; null while nothing is selected, and the list takes the width. */
  detail: ReactNode | null;
  /** The list's and the panel's share of a wide screen, e.g. `minmax(0, 3fr) minmax(320px, 2fr)`. */
  wideColumns: string;
}

/**
 * A list and the panel of its selected row (the registry's device, the diff's change): side by
 * side on a wide screen, the panel under the list on a narrow one.
 */
export function ListWithDetail({ list, detail, wideColumns }: ListWithDetailProps) {
  return (
    <Box
      sx={{
        display: 'grid',
        gap: 2,
        gridTemplateColumns: { xs: '1fr', lg: detail ? wideColumns : '1fr' },
      }}
    >
      {list}
      {detail}
    </Box>
  );
}
