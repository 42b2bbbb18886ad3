// WHATWG Encoding's TextEncoder and TextDecoder, which every host core runs in has (browsers,
// workers, Node) but the ES library does not declare. Only core's project includes this file; the
// others get the same classes from the DOM, WebWorker or Node types. Declared as far as core uses
// them.
declare class TextEncoder {
  readonly encoding: string;
  encode(input?: string): Uint8Array<ArrayBuffer>;
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: ArrayBuffer | ArrayBufferView, options?: { stream?: boolean }): string;
}
