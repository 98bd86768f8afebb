import { promisify } from 'node:util';
import { gunzip, inflate } from 'node:zlib';
import { HttpStatusError } from './http-status-error';

const gunzipAsync = promisify(gunzip);
const inflateAsync = promisify(inflate);

/**
 * Undoes the request's `Content-Encoding`. Inflation stops at `maxBytes`, so a small body that
 * inflates to gigabytes (a gzip bomb) costs no more memory than the limit.
 */
export async function decompressBody(body: Buffer, contentEncoding: string | undefined, maxBytes: number): Promise<Buffer> {
  const encoding = (contentEncoding ?? '').trim().toLowerCase();
  if (encoding === '' || encoding === 'identity') return body;
  const inflateWith = encoding === 'gzip' || encoding === 'x-gzip' ? gunzipAsync : encoding === 'deflate' ? inflateAsync : undefined;
  if (!inflateWith) {
    throw new HttpStatusError(
      415,
      'content-encoding',
      `Content-Encoding ${JSON.stringify(encoding)} is not supported; send gzip or no encoding`,
    );
  }
  try {
    return await inflateWith(body, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new HttpStatusError(413, 'body-too-large', `request body inflates to more than the limit of ${maxBytes} bytes (maxBodyBytes)`, {
        cause: error,
      });
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new HttpStatusError(400, `bad-${encoding}`, `request body is not valid ${encoding} data (${reason})`, { cause: error });
  }
}
