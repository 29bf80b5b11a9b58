/** How long the upload of a person's file may take before it counts as failed (an invoke has about 15 s). */
const UPLOAD_TIMEOUT_MS = 8000;

/**
 * Puts a file's bytes at the upload URL Teams gave when the person accepted it (`uploadInfo.uploadUrl`:
 * a OneDrive upload session, outside the Bot Connector, needing no token), in one request:
 * PUT with `Content-Range: bytes 0-{n-1}/{n}`, as Teams' guide to sending files in personal chat
 * says. Rejects when it is not an upload URL (isUploadUrl), when it answers anything but 2xx, or after
 * `timeoutMs` (default 8 s); the caller then says the file was not sent.
 */
export async function uploadFile(uploadUrl: string, bytes: Buffer, options: { readonly timeoutMs?: number; readonly loopbackAllowed?: boolean } = {}): Promise<void> {
  if (!isUploadUrl(uploadUrl, { loopbackAllowed: options.loopbackAllowed ?? false })) throw new Error('Not an upload URL of OneDrive or SharePoint');
  const url = new URL(uploadUrl);
  const response = await fetch(url, {
    method: 'PUT',
    // A redirect could lead anywhere, past the check above: an upload session never redirects.
    redirect: 'error',
    headers: { 'Content-Range': `bytes 0-${bytes.length - 1}/${bytes.length}`, 'Content-Type': 'application/octet-stream' },
    body: bytes,
    signal: AbortSignal.timeout(options.timeoutMs ?? UPLOAD_TIMEOUT_MS),
  });
  // The body is not needed; reading it frees the connection.
  await response.arrayBuffer().catch(() => undefined);
  if (!response.ok) throw new Error(`The upload was refused: HTTP ${response.status}`);
}

/**
 * Hosts of OneDrive and SharePoint, where Teams puts a file a person accepted from a bot in
 * personal chat (uploadInfo.uploadUrl is an upload session of their OneDrive for Business:
 * https://{tenant}-my.sharepoint.com/..., in each national cloud's SharePoint domain; consumer
 * OneDrive's on 1drv.com and live.com). Teams' guide "Send and receive files using bots".
 */
const UPLOAD_HOSTS = ['sharepoint.com', 'sharepoint.us', 'sharepoint-mil.us', 'sharepoint.de', 'sharepoint.cn', 'sharepoint-df.com', '1drv.com', 'onedrive.live.com', 'storage.live.com'];
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Whether the bot may PUT a person's data at `uploadUrl`: https on a OneDrive or SharePoint host
 * (UPLOAD_HOSTS, the host or a subdomain of it), so that an invoke, signed or forged, can never
 * make the service send a file, or a request at all, to an internal address (the cloud's metadata
 * service at 169.254.169.254, a host on its network) or anywhere else. `loopbackAllowed`: local
 * mode only, where the Teams stand-in serves upload URLs on this machine.
 */
export function isUploadUrl(uploadUrl: string, options: { readonly loopbackAllowed: boolean }): boolean {
  let url: URL;
  try {
    url = new URL(uploadUrl);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  if (options.loopbackAllowed && LOOPBACK.has(url.hostname) && (url.protocol === 'http:' || url.protocol === 'https:')) return true;
  return url.protocol === 'https:' && url.port === '' && UPLOAD_HOSTS.some((host) => url.hostname === host || url.hostname.endsWith(`.${host}`));
}
