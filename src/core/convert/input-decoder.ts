// Byte -> text with encoding sniffed from the byte-order mark: UTF-8 (with or without BOM) and
// UTF-16 LE/BE with BOM, which is what Excel writes as "Unicode text". Without a BOM the input is
// read as UTF-8; undecodable bytes become U+FFFD and the caller reports them once.
export type InputEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export function sniffEncoding(head: Uint8Array): InputEncoding {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** What this reader needs of WHATWG's TextDecoder, which browsers, workers and Node all have. */
interface StreamingDecoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

export class InputDecoder {
  encoding: InputEncoding | undefined;
  sawReplacement = false;
  private decoder: StreamingDecoder | undefined;
  private pending: Uint8Array | undefined;

  push(bytes: Uint8Array): string {
    let input = bytes;
    if (!this.decoder) {
      if (this.pending) {
        const joined = new Uint8Array(this.pending.length + bytes.length);
        joined.set(this.pending);
        joined.set(bytes, this.pending.length);
        input = joined;
        this.pending = undefined;
      }
      if (input.length < 3) {
        // A copy: the caller may reuse or transfer its buffer after push().
        this.pending = input.slice();
        return '';
      }
      this.start(input);
    }
    return this.check(this.decoder!.decode(input, { stream: true }));
  }

  end(): string {
    if (!this.decoder) {
      const rest = this.pending ?? new Uint8Array(0);
      this.pending = undefined;
      this.start(rest);
      return this.check(this.decoder!.decode(rest));
    }
    return this.check(this.decoder.decode());
  }

  private start(head: Uint8Array): void {
    this.encoding = sniffEncoding(head);
    // ignoreBOM false (the default) makes the decoder drop the BOM for all three encodings.
    this.decoder = new TextDecoder(this.encoding);
  }

  private check(text: string): string {
    if (!this.sawReplacement && text.indexOf('\uFFFD') !== -1) this.sawReplacement = true;
    return text;
  }
}
