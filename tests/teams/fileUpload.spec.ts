import { isUploadUrl } from '../../bot/teams/fileUpload';

/**
 * Where the bot may put a person's data file (issue 12, `my data`): only at an upload URL of
 * OneDrive or SharePoint, as Teams gives when the person accepts the file, so that an invoke can
 * never make the service send their data, or any request, to an address inside its network.
 */
describe('the upload URL a file may be put at', () => {
  it.each([
    'https://contoso-my.sharepoint.com/personal/ben_contoso_com/_api/v2.0/drive/items/01ABC/uploadSession?guid=x',
    'https://contoso-my.sharepoint.us/personal/ben/_api/v2.0/uploadSession',
    'https://contoso-my.sharepoint.de/x',
    'https://api.onedrive.com.1drv.com/up/x',
  ])('accepts OneDrive or SharePoint: %s', (url) => {
    expect(isUploadUrl(url, { loopbackAllowed: false })).toBe(true);
  });

  it.each([
    ['the cloud metadata service', 'http://169.254.169.254/metadata/instance'],
    ['the metadata service over https', 'https://169.254.169.254/metadata/instance'],
    ['an internal host', 'https://storage-internal.corp.local/upload'],
    ['loopback', 'http://127.0.0.1:8080/admin'],
    ['loopback by name', 'https://localhost/upload'],
    ['plain http to SharePoint', 'http://contoso-my.sharepoint.com/x'],
    ['a look-alike domain', 'https://contoso-my.sharepoint.com.evil.example/x'],
    ['a domain that only ends like one', 'https://evilsharepoint.com/x'],
    ['credentials before the host', 'https://sharepoint.com@169.254.169.254/x'],
    ['another port', 'https://contoso-my.sharepoint.com:8443/x'],
    ['a file URL', 'file:///etc/passwd'],
    ['not a URL', 'upload here'],
  ])('refuses %s (%s)', (_what, url) => {
    expect(isUploadUrl(url, { loopbackAllowed: false })).toBe(false);
  });

  it('accepts loopback only in local mode, where the Teams stand-in serves uploads', () => {
    expect(isUploadUrl('http://127.0.0.1:5123/uploads/x', { loopbackAllowed: true })).toBe(true);
    expect(isUploadUrl('http://169.254.169.254/metadata', { loopbackAllowed: true })).toBe(false);
    expect(isUploadUrl('http://10.0.0.5/upload', { loopbackAllowed: true })).toBe(false);
  });
});
