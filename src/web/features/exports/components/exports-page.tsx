import { Alert } from '@mui/material';
import { PageHeader } from '../../../components/page-header';

// Placeholder for issue 7 (exports, registry browser at /exports/:exportId, diff at /diff).
export function ExportsPage() {
  return (
    <>
      <PageHeader title="Exports" subtitle="Snapshots of the registry, the registry browser and the diff of two snapshots." />
      <Alert severity="info">Exports are not available in this version yet. Import jobs and their errors are on the Jobs page.</Alert>
    </>
  );
}
