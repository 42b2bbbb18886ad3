import { Stack } from '@mui/material';
import { ByteProgressBar } from '../../../components/byte-progress-bar';
import { plural } from '../../../lib/format';
import type { SideProgress } from '../api/use-registry-diff';

const STAGE_WORDS: Record<SideProgress['stage'], string> = {
  waiting: 'Waiting',
  downloading: 'Downloading',
  converting: 'Converting the file',
  comparing: 'Reading for the diff',
  ready: 'Ready',
};

function Side({ name, progress }: { name: string; progress: SideProgress }) {
  const records = progress.records > 0 ? `, ${plural(progress.records, 'record', 'records')}` : '';
  return (
    <ByteProgressBar
      label={`Loading ${name}`}
      name={name}
      bytes={progress.bytes}
      totalBytes={progress.totalBytes}
      describe={(size) => `${STAGE_WORDS[progress.stage]}: ${size}${records}`}
    />
  );
}

/** Both inputs side by side; the work runs in a worker, so the page stays usable meanwhile. */
export function DiffProgress({ a, b }: { a: SideProgress; b: SideProgress }) {
  return (
    <Stack spacing={2} role="status" aria-live="polite" aria-label="Diff progress">
      <Side name="A" progress={a} />
      <Side name="B" progress={b} />
    </Stack>
  );
}
