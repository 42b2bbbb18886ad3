import { isRouteErrorResponse, Link as RouterLink, useRouteError } from 'react-router';
import { Box, Link } from '@mui/material';
import { ErrorPanel } from '../components/error-panel';
import { PageHeader } from '../components/page-header';

/** A render error or an unknown path never blanks the page: say so and offer a way back. */
export function RouteErrorPage() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <Box component="main" sx={{ p: 3 }}>
      <PageHeader title={notFound ? 'Page not found' : 'This page failed'} />
      {notFound ? null : <ErrorPanel error={error} />}
      <Box sx={{ mt: 2 }}>
        <Link component={RouterLink} to="/jobs">
          Go to the Jobs list
        </Link>
      </Box>
    </Box>
  );
}

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" subtitle="No page lives at this address." />
      <Link component={RouterLink} to="/jobs">
        Go to the Jobs list
      </Link>
    </>
  );
}
