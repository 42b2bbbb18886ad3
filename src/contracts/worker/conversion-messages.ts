import { z } from 'zod';
import {
  ConversionProgressSchema,
  ConversionReportSchema,
  ConvertOptionsSchema,
  RowIssueSchema,
} from './conversion-report';

// The conversion worker's message protocol: one request in; progress events, the report's issues in
// batches (up to 10,000 of them: one message would be one long task on the page), then 'done' with
// the rest of the report (or 'failed'); after 'done', checksum progress and one 'checksums'
// message, because hashing the source and the output (the audit log's sha256s) finishes after the
// conversion does. Both sides parse with these schemas.
const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const ConvertRequest = z.object({
  type: z.literal('convert'),
  file: z.instanceof(Blob),
  options: ConvertOptionsSchema,
});
export type ConvertRequest = z.infer<typeof ConvertRequest>;

export const ToConversionWorker = z.discriminatedUnion('type', [ConvertRequest]);
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
  outputSha256: Sha256Hex,
  sourceSha256: Sha256Hex,
});

export const ConversionFailedMessage = z.object({
  type: z.literal('failed'),
  error: z.object({ name: z.string(), message: z.string() }),
});

export const FromConversionWorker = z.discriminatedUnion('type', [
  ConversionProgressMessage,
  ConversionIssuesMessage,
  ConversionDoneMessage,
  ChecksumProgressMessage,
  ChecksumsMessage,
  ConversionFailedMessage,
]);
export type FromConversionWorker = z.infer<typeof FromConversionWorker>;
