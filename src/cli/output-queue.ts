import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { rename, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';

/**
 * Text the core hands out synchronously, written to a stream between chunks: parts queue while a
 * chunk is planned, then drain with back-pressure, so memory holds at most a chunk's output.
 */
export class OutputQueue {
  private readonly parts: string[] = [];

  constructor(readonly stream: Writable) {}

  add(text: string): void {
    this.parts.push(text);
  }

  async drain(): Promise<void> {
    if (this.parts.length === 0) return;
    let ready = true;
    for (const part of this.parts) ready = this.stream.write(part);
    this.parts.length = 0;
    if (!ready) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.drain();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

/**
 * A file written as `<path>.partial` and renamed only once complete, so a failed run never leaves
 * a half-written file under the name the admin will import.
 */
export class PartialFile extends OutputQueue {
  constructor(readonly path: string) {
    super(createWriteStream(`${path}.partial`, { highWaterMark: 8 * 1024 * 1024 }));
  }

  async keep(): Promise<void> {
    await this.close();
    await rename(`${this.path}.partial`, this.path);
  }

  async discard(): Promise<void> {
    this.stream.destroy();
    await rm(`${this.path}.partial`, { force: true });
  }
}
