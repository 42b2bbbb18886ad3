import { ByteProgressBar } from '../../../components/byte-progress-bar';
import type { ReadProgress } from '../../../lib/read-text-lines';

/** A file being read from the server: its bytes so far, of its length when the server sent one. */
export function StreamProgress({ label, progress }: { label: string; progress: ReadProgress }) {
  return (
    <ByteProgressBar
      label={label}
      name={label}
      bytes={progress.bytesRead}
      totalBytes={progress.totalBytes}
      describe={(size, known) => (known ? size : `${size} read`)}
    />
  );
}
