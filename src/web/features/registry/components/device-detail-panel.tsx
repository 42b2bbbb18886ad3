import { Box, Divider, IconButton, Paper, Stack, Typography } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import type { ReactNode } from 'react';
import { MASKED_SECRET } from '../../../../contracts/api/files';
import type { ExportImportDevice } from '../../../../core/model/export-import-device';
import { ErrorPanel } from '../../../components/error-panel';
import { LoadingBlock } from '../../../components/loading-block';
import type { BrowseClient } from '../../../workers/registry/browse-client';
import { maskDeviceKeys, readDeviceKeys } from '../../../workers/registry/mask-device-keys';
import type { RegistryRow } from '../../../workers/registry/summarize-device';
import { useDeviceRecord } from '../api/read-device-line';
import { buildPropertyTree } from '../model/build-property-tree';
import { MaskedKey } from './masked-key';
import { PropertyTree } from './property-tree';

interface DeviceDetailPanelProps {
  exportId: string;
  client: BrowseClient | null;
  row: RegistryRow;
  canRevealKeys: boolean;
  onClose: () => void;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-label={title}>
      <Typography component="h3" variant="subtitle2" sx={{ fontWeight: 600, mb: 0.5 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

function Fact({ name, value }: { name: string; value: ReactNode }) {
  return (
    <Typography variant="body2" sx={{ wordBreak: 'break-all' }}>
      <Box component="span" sx={{ color: 'text.secondary' }}>
        {name}:
      </Box>{' '}
      {value ?? '-'}
    </Typography>
  );
}

function Identity({
  device,
  canRevealKeys,
}: {
  device: ExportImportDevice;
  canRevealKeys: boolean;
}) {
  const auth = device.authentication;
  const keys = readDeviceKeys(device);
  // The proxy replaces keys with MASKED_SECRET for support users: nothing real to reveal then.
  const real = (value: string | undefined) =>
    value !== undefined && value !== MASKED_SECRET ? value : undefined;
  const reveal =
    canRevealKeys && (real(keys.primaryKey) !== undefined || real(keys.secondaryKey) !== undefined);
  return (
    <Stack spacing={0.25}>
      <Fact name="Device id" value={device.id} />
      {device.moduleId !== undefined && <Fact name="Module id" value={device.moduleId} />}
      <Fact name="Status" value={device.status} />
      {device.statusReason && <Fact name="Status reason" value={device.statusReason} />}
      <Fact
        name="Authentication"
        value={
          auth === null || auth === undefined ? 'not in this export (keys excluded)' : auth.type
        }
      />
      {auth?.type === 'sas' && (
        <>
          <MaskedKey
            key={`${device.id}/${device.moduleId ?? ''}/p`}
            label="Primary key"
            value={keys.primaryKey}
            canReveal={reveal}
          />
          <MaskedKey
            key={`${device.id}/${device.moduleId ?? ''}/s`}
            label="Secondary key"
            value={keys.secondaryKey}
            canReveal={reveal}
          />
        </>
      )}
      {auth?.x509Thumbprint?.primaryThumbprint && (
        <Fact name="Primary thumbprint" value={auth.x509Thumbprint.primaryThumbprint} />
      )}
      {auth?.x509Thumbprint?.secondaryThumbprint && (
        <Fact name="Secondary thumbprint" value={auth.x509Thumbprint.secondaryThumbprint} />
      )}
      <Fact name="IoT Edge" value={device.capabilities?.iotEdge === true ? 'yes' : 'no'} />
      {device.deviceScope && <Fact name="Device scope" value={device.deviceScope} />}
      {device.parentScopes && device.parentScopes.length > 0 && (
        <Fact name="Parent scopes" value={device.parentScopes.join(', ')} />
      )}
    </Stack>
  );
}

/**
 * Identity, tags, desired and reported properties of one record. Keys are masked before any tree is
 * built.
 */
export function DeviceDetailPanel({
  exportId,
  client,
  row,
  canRevealKeys,
  onClose,
}: DeviceDetailPanelProps) {
  const record = useDeviceRecord(client, exportId, row.index);
  const name = row.moduleId === undefined ? row.id : `${row.id} / ${row.moduleId}`;
  const masked = record.data ? maskDeviceKeys(record.data) : undefined;
  return (
    <Paper variant="outlined" component="aside" aria-label={`Details of ${name}`} sx={{ p: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
        <Typography component="h2" variant="h6" sx={{ wordBreak: 'break-all' }}>
          {name}
        </Typography>
        <IconButton onClick={onClose} aria-label="Close details">
          <CloseIcon />
        </IconButton>
      </Stack>
      {record.isPending && <LoadingBlock label="Reading the record..." />}
      {record.isError && (
        <ErrorPanel
          error={record.error}
          context="Reading the record"
          onRetry={() => void record.refetch()}
        />
      )}
      {record.data && masked && (
        <Stack spacing={2} divider={<Divider flexItem />}>
          <Section title="Identity">
            <Identity device={record.data} canRevealKeys={canRevealKeys} />
          </Section>
          <Section title="Tags">
            <PropertyTree nodes={buildPropertyTree(masked.tags, 'tags')} emptyText="No tags." />
          </Section>
          <Section title="Desired properties">
            <PropertyTree
              nodes={buildPropertyTree(masked.properties?.desired, 'desired', {
                skipVersionFields: true,
              })}
              emptyText="No desired properties."
            />
          </Section>
          <Section title="Reported properties">
            <PropertyTree
              nodes={buildPropertyTree(masked.properties?.reported, 'reported', {
                skipVersionFields: true,
              })}
              emptyText="No reported properties."
            />
          </Section>
        </Stack>
      )}
    </Paper>
  );
}
