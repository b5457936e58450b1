import type { Readable } from 'node:stream';

/** A whole body (a request or an answer) in memory, refused with `tooLarge()` past `limit` bytes. */
export async function readAll(body: Readable, limit: number, tooLarge: () => Error): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of body as AsyncIterable<Buffer>) {
    size += c.length;
    if (size > limit) throw tooLarge();
    chunks.push(c);
  }
  return Buffer.concat(chunks);
}
