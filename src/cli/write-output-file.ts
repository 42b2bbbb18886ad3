import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';

export type WriteLine = (text: string) => Promise<void>;

/**
 * Writes `<path>.partial` with back-pressure and renames it to `path` only once `produce` has
 * finished: a file the command was interrupted in, or failed in, never sits under its real name.
 */
export async function writeOutputFile(
  path: string,
  produce: (write: WriteLine) => Promise<void>,
): Promise<void> {
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  try {
    await produce(async (text) => {
      if (!out.write(text)) await once(out, 'drain');
    });
    out.end();
    await once(out, 'finish');
    await rename(partial, path);
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}
