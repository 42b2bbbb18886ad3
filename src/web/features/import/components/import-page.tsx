import { Alert } from '@mui/material';
import { LoadingBlock } from '../../../components/loading-block';
import { PageHeader } from '../../../components/page-header';
import { useCurrentUser } from '../../../lib/current-user';
import { ImportWizard } from './import-wizard';

export function ImportPage() {
  const me = useCurrentUser();
  return (
    <>
      <PageHeader
        title="Import devices"
        subtitle="Check a device list in your browser, upload it, and let the hub import it as one job."
      />
      {me.isPending && <LoadingBlock label="Checking your role..." />}
      {me.data && !me.data.isAdmin && (
        <Alert severity="info">
          Importing needs the Admin role. Your account has the Support role: you can follow jobs and
          read their errors from the Jobs page.
        </Alert>
      )}
      {me.data?.isAdmin && <ImportWizard />}
    </>
  );
}
