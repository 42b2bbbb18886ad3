import { Navigate } from 'react-router';
import { LoadingBlock } from '../components/loading-block';
import { useCurrentUser } from '../lib/current-user';

/** Admins start where they work (the wizard); support staff on the Jobs list. */
export function HomeRedirect() {
  const me = useCurrentUser();
  if (me.isPending) return <LoadingBlock label="Loading your account..." />;
  return <Navigate to={me.data?.isAdmin ? '/import' : '/jobs'} replace />;
}
