import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What Teams sends as `uploadInfo` in a `fileConsent/invoke` when the person accepts a file. */
export interface UploadInfo {
  uploadUrl: string;
  contentUrl: string;
  name: string;
  uniqueId: string;
  fileType: string;
}

/** A file the bot put at an upload URL: the bytes as received, and the Content-Range it said. */
export interface ReceivedUpload {
  uniqueId: string;
  contentRange: string | undefined;
  bytes: Buffer;
}

const UPLOADS = '/uploads/';

/**
 * Teams' side of sending a file in a personal chat: accepting an offered file gives the bot an
 * upload URL (in Teams, a OneDrive upload session; here, served by the fake), which takes the
 * file's bytes with PUT. Uploads are kept apart from the connector's recorded calls: they are not
 * Bot Connector requests.
 */
export function createFileUploads(baseUrl: () => string) {
  const received: ReceivedUpload[] = [];
  const accepted = new Set<string>();
  let failures: { remaining: number; status: number } = { remaining: 0, status: 500 };
  return {
    /** The uploadInfo Teams would send when the person accepts a file called `name`. */
    accept(name: string): UploadInfo {
      const uniqueId = randomUUID();
      accepted.add(uniqueId);
      const fileType = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
      return { uploadUrl: `${baseUrl()}uploads/${uniqueId}`, contentUrl: `${baseUrl()}files/${encodeURIComponent(name)}`, name, uniqueId, fileType };
    },
    received: (): readonly ReceivedUpload[] => received,
    /** The next `count` uploads are refused with `status`, as OneDrive may. */
    failNext(count: number, status = 500): void {
      failures = { remaining: count, status };
    },
    handles: (request: IncomingMessage): boolean => (request.url ?? '').startsWith(UPLOADS),
    async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const uniqueId = (request.url ?? '').slice(UPLOADS.length);
      const status = failures.remaining > 0 ? failures.status : request.method !== 'PUT' ? 405 : accepted.has(uniqueId) ? 201 : 404;
      if (failures.remaining > 0) failures.remaining -= 1;
      if (status === 201) received.push({ uniqueId, contentRange: request.headers['content-range'], bytes: Buffer.concat(chunks) });
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(status === 201 ? JSON.stringify({ id: uniqueId }) : JSON.stringify({ error: { code: 'refused' } }));
    },
  };
}

export type FileUploads = ReturnType<typeof createFileUploads>;
