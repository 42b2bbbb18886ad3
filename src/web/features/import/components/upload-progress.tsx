import { CancellableProgress } from '../../../components/cancellable-progress';
import { formatMegabytes, formatRate, percentOf } from '../../../lib/format';
import type { UploadProgress as Progress } from '../api/upload-blobs';

export function UploadProgress({
  progress,
  onCancel,
}: {
  progress: Progress;
  onCancel: () => void;
}) {
  const percent = percentOf(progress.loadedBytes, progress.totalBytes);
  const rate = progress.elapsedMs > 0 ? progress.loadedBytes / (progress.elapsedMs / 1000) : 0;
  const text = `${formatMegabytes(progress.loadedBytes)} of ${formatMegabytes(progress.totalBytes)} · ${formatRate(rate)}`;
  const retry = progress.attempt > 1 ? ` · retry ${progress.attempt - 1}` : '';
  return (
    <CancellableProgress
      label="Upload progress"
      percent={percent}
      text={text}
      caption={`Uploading: ${text} · ${Math.round(percent)} %${retry}`}
      cancelWords="Cancel upload"
      onCancel={onCancel}
    />
  );
}
