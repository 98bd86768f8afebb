import type { IncomingMessage } from 'node:http';
import { HttpStatusError } from './http-status-error';

/**
 * Reads a request body of at most `maxBytes`. A larger body is read to its end and dropped as
 * it arrives, so memory stays bounded and the client still gets to read the 413.
 */
export async function readRequestBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  let tooLarge = declared > maxBytes;
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    if (tooLarge) continue;
    size += chunk.length;
    if (size > maxBytes) {
      tooLarge = true;
      chunks.length = 0;
    } else {
      chunks.push(chunk);
    }
  }
  if (tooLarge) {
    throw new HttpStatusError(413, 'body-too-large', `request body is larger than the limit of ${maxBytes} bytes (maxBodyBytes)`);
  }
  return Buffer.concat(chunks, size);
}
