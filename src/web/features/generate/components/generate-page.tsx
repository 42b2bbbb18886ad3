import { Alert } from '@mui/material';
import { LoadingBlock } from '../../../components/loading-block';
import { PageHeader } from '../../../components/page-header';
import { useCurrentUser } from '../../../lib/current-user';
import { GenerateDevicesForm } from './generate-devices-form';

/** Admins: N test devices from an id pattern, handed to the import wizard as any file would be. */
export function GeneratePage() {
  const me = useCurrentUser();
  return (
    <>
      <PageHeader
        title="Generate test devices"
        subtitle="Describe a set of devices; the console writes their import file here and the import wizard plans it before anything changes."
      />
      {me.isPending && <LoadingBlock label="Checking your role..." />}
      {me.data && !me.data.isAdmin && (
        <Alert severity="info">
          Generating devices is an import and needs the Admin role. Your account has the Support
          role.
        </Alert>
      )}
      {me.data?.isAdmin && <GenerateDevicesForm />}
    </>
  );
}
