// A minimal DER reader for the tests: tag, content and, for constructed values, the children.
// Enough to look inside one certificate extension without trusting the code that wrote it.

export interface DerNode {
  tag: number;
  content: Buffer;
  children: DerNode[];
}

export function readDer(bytes: Buffer): DerNode {
  const [node, end] = readNode(bytes, 0);
  if (end !== bytes.length) throw new Error(`trailing bytes after DER value at ${end}`);
  return node;
}

function readNode(bytes: Buffer, start: number): [DerNode, number] {
  const tag = byteAt(bytes, start);
  let length = byteAt(bytes, start + 1);
  let offset = start + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    length = 0;
    for (let i = 0; i < count; i += 1) length = length * 256 + byteAt(bytes, offset + i);
    offset += count;
  }
  const content = bytes.subarray(offset, offset + length);
  const children: DerNode[] = [];
  if (tag & 0x20) {
    let at = 0;
    while (at < content.length) {
      const [child, next] = readNode(content, at);
      children.push(child);
      at = next;
    }
  }
  return [{ tag, content, children }, offset + length];
}

function byteAt(bytes: Buffer, index: number): number {
  const value = bytes[index];
  if (value === undefined) throw new Error(`DER value ends early at ${index}`);
  return value;
}
