/** How long the upload of a person's file may take before it counts as failed (an invoke has about 15 s). */
const UPLOAD_TIMEOUT_MS = 8000;

/**
 * Puts a file's bytes at the upload URL Teams gave when the person accepted it (`uploadInfo.uploadUrl`:
 * a OneDrive upload session, outside the Bot Connector, needing no token), in one request:
 * PUT with `Content-Range: bytes 0-{n-1}/{n}`, as Teams' guide to sending files in personal chat
 * says. Rejects when it is not an http(s) URL, when it answers anything but 2xx, or after
 * `timeoutMs` (default 8 s); the caller then says the file was not sent.
 */
export async function uploadFile(uploadUrl: string, bytes: Buffer, options: { readonly timeoutMs?: number } = {}): Promise<void> {
  const url = new URL(uploadUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`Not an upload URL: ${url.protocol}`);
  const response = await fetch(url, {
    method: 'PUT',
    headers: { 'Content-Range': `bytes 0-${bytes.length - 1}/${bytes.length}`, 'Content-Type': 'application/octet-stream' },
    body: bytes,
    signal: AbortSignal.timeout(options.timeoutMs ?? UPLOAD_TIMEOUT_MS),
  });
  // The body is not needed; reading it frees the connection.
  await response.arrayBuffer().catch(() => undefined);
  if (!response.ok) throw new Error(`The upload was refused: HTTP ${response.status}`);
}
