import { z } from 'zod';
import { RequestIdSchema, WorkerFailedMessage } from './worker-failure';

// The hash worker's protocol (nested in the conversion worker): parts of the source and of the
// output go in as Blob handles, in order, and a 'digest' request closes both hashes. Progress comes
// back as bytes hashed so far. Both sides parse with these schemas.
export const Sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/);

export const HashPartMessage = z.object({
  type: z.literal('part'),
  side: z.enum(['source', 'output']),
  part: z.instanceof(Blob),
});

export const DigestRequest = z.object({ type: z.literal('digest'), requestId: RequestIdSchema });

export const ToHashWorker = z.discriminatedUnion('type', [HashPartMessage, DigestRequest]);
export type ToHashWorker = z.infer<typeof ToHashWorker>;

export const HashedMessage = z.object({
  type: z.literal('hashed'),
  bytes: z.number().int().nonnegative(),
});

export const DigestDoneMessage = z.object({
  type: z.literal('digest-done'),
  requestId: RequestIdSchema,
  sourceSha256: Sha256HexSchema,
  outputSha256: Sha256HexSchema,
});

export const FromHashWorker = z.discriminatedUnion('type', [
  HashedMessage,
  DigestDoneMessage,
  WorkerFailedMessage,
]);
export type FromHashWorker = z.infer<typeof FromHashWorker>;
