import { z } from 'zod';
import {
  ConversionProgressSchema,
  ConversionReportSchema,
  ConvertOptionsSchema,
  RowIssueSchema,
} from './conversion-report';
import { Sha256HexSchema } from './hash-messages';
import { RequestIdSchema, WorkerFailedMessage } from './worker-failure';

// The conversion worker's message protocol: a 'convert' request; progress events, the report's
// issues in batches (up to 10,000 of them: one message would be one long task on the page), then
// 'done' with the rest of the report (or 'failed'). Hashing the source and the output (the audit
// log's sha256s) finishes after the conversion does, so the page then asks 'checksums', with
// checksum progress events until the answer. Both sides parse with these schemas
// (docs/architecture.md, "Workers"); a failure is the shared WorkerFailedMessage with its code.
const Sha256Hex = Sha256HexSchema;

export const ConvertRequest = z.object({
  type: z.literal('convert'),
  requestId: RequestIdSchema,
  file: z.instanceof(Blob),
  options: ConvertOptionsSchema,
});
export type ConvertRequest = z.infer<typeof ConvertRequest>;

/** After 'done': the sha256s of the conversion that ran, answered once hashing has finished. */
export const ChecksumsRequest = z.object({
  type: z.literal('checksums'),
  requestId: RequestIdSchema,
});

export const ToConversionWorker = z.discriminatedUnion('type', [ConvertRequest, ChecksumsRequest]);
export type ToConversionWorker = z.infer<typeof ToConversionWorker>;

export const ConversionProgressMessage = z.object({
  type: z.literal('progress'),
  progress: ConversionProgressSchema,
});

export const ConversionIssuesMessage = z.object({
  type: z.literal('issues'),
  issues: z.array(RowIssueSchema),
});

/** The report arrives without its issues; they came before it in 'issues' batches, in order. */
export const ConversionDoneMessage = z.object({
  type: z.literal('done'),
  requestId: RequestIdSchema,
  output: z.instanceof(Blob),
  outputSize: z.number().int().nonnegative(),
  report: ConversionReportSchema,
  keysCsv: z.instanceof(Blob).nullable(),
});

const Bytes = z.number().int().nonnegative();

/**
 * Bytes hashed so far of source + output; the total grows while the conversion still writes output.
 */
export const ChecksumProgressMessage = z.object({
  type: z.literal('checksum-progress'),
  hashedBytes: Bytes,
  totalBytes: Bytes,
});

export const ChecksumsMessage = z.object({
  type: z.literal('checksums'),
  requestId: RequestIdSchema,
  outputSha256: Sha256Hex,
  sourceSha256: Sha256Hex,
});

export const FromConversionWorker = z.discriminatedUnion('type', [
  ConversionProgressMessage,
  ConversionIssuesMessage,
  ConversionDoneMessage,
  ChecksumProgressMessage,
  ChecksumsMessage,
  WorkerFailedMessage,
]);
export type FromConversionWorker = z.infer<typeof FromConversionWorker>;
