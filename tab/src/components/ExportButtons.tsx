import { useState } from 'react';
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { DownloadedFile, ExportFormat } from '../api/types';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

/** Saves a fetched file: an object URL and a temporary <a download>, since in Teams the request needs a token. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * "Download CSV" and "Download Excel": the round as Appendix 2's grid; "Download Word": the report for a
 * meeting or Ofsted (front page, Ofsted's three questions, the grid). No comments and no names in any.
 * `download` fetches one: a team's round's (Api.download) or a service-wide round's (OrganisationApi.download).
 */
export function ExportButtons({ download: fetchFile }: { download: (format: ExportFormat) => Promise<DownloadedFile> }) {
  const styles = useStyles();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // Never rejects (a failure is shown beside the buttons), so a click starts it without awaiting.
  const download = async (format: ExportFormat) => {
    setBusy(format);
    setFailure(null);
    try {
      const file = await fetchFile(format);
      saveFile(file.blob, file.filename);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'The file could not be downloaded.');
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className={styles.row}>
      <Button disabled={busy !== null} onClick={() => void download('csv')}>{busy === 'csv' ? 'Preparing CSV…' : 'Download CSV'}</Button>
      <Button disabled={busy !== null} onClick={() => void download('xlsx')}>{busy === 'xlsx' ? 'Preparing Excel…' : 'Download Excel'}</Button>
      <Button disabled={busy !== null} onClick={() => void download('docx')}>{busy === 'docx' ? 'Preparing Word…' : 'Download Word'}</Button>
      {failure && <MessageBar intent="error"><MessageBarBody>{failure}</MessageBarBody></MessageBar>}
    </div>
  );
}
