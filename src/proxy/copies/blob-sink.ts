import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';

// Text written by the proxy into a blob as it is made (a copy's devices.txt, a delete-all's
// import), so a file of a million lines is never one string: writes wait while the upload is
// behind.

export interface BlobSink {
  write(text: string): Promise<void>;
  end(): Promise<void>;
  fail(error: Error): Promise<void>;
}

/** A stream into a blob upload that waits while the upload is behind (back-pressure). */
export function blobSink(upload: (body: Readable) => Promise<void>): BlobSink {
  const stream = new PassThrough();
  const done = upload(stream);
  // Observed here and awaited in end(): an upload that fails mid-way rejects the next write.
  done.catch(() => undefined);
  return {
    async write(text) {
      if (text === '' || stream.write(text)) return;
      await Promise.race([once(stream, 'drain'), done.then(() => undefined)]);
    },
    async end() {
      stream.end();
      await done;
    },
    async fail(error) {
      stream.destroy(error);
      await done.catch(() => undefined);
    },
  };
}
