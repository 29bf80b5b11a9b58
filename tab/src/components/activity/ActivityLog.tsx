import { useCallback, useId, useState } from 'react';
import { Body1, Button, Caption1, MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ACTIVITY_KIND_LABELS, chainInWords } from '@domain/activityLog';
import type { ActivityApi } from '../../api/client';
import type { ActivityLogEntry, ChainCheck } from '../../api/types';
import { usePolling } from '../../hooks/usePolling';
import { saveFile } from '../ExportButtons';

/** Entries come when champions act: a slow poll does. */
const ACTIVITY_POLL_MS = 60_000;

const when = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
const timeOf = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : when.format(date);
};

const useStyles = makeStyles({
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  heading: { margin: 0 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  entry: {
    display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  broken: { border: `${tokens.strokeWidthThick} solid ${tokens.colorStatusDangerBorder2}` },
  meta: { color: tokens.colorNeutralForeground2 },
});

/** Whether the chain's check points at this entry: the first that no longer follows from the one before. */
const isBrokenAt = (check: ChainCheck, sequence: number) => !check.intact && check.firstBrokenSequence === sequence;

/**
 * "Activity": the team's record of who changed what (issue 12), for its practice champions:
 * entries newest first (who, when, what), whether the record is complete and unchanged (or which
 * entry was changed outside Practice Audit), and the same as a CSV file. Anyone else reads the
 * API's refusal.
 */
export function ActivityLog({ api, teamId }: { api: ActivityApi; teamId: string }) {
  const styles = useStyles();
  const headingId = useId();
  const load = useCallback((signal: AbortSignal) => api.log(teamId, signal), [api, teamId]);
  const log = usePolling(load, ACTIVITY_POLL_MS);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const file = await api.download(teamId);
      saveFile(file.blob, file.filename);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'The file could not be downloaded.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby={headingId} data-testid="activity-log">
      <div className={styles.header}>
        <Subtitle2 as="h2" id={headingId} className={styles.heading}>Who changed what</Subtitle2>
        {log.data && <Button disabled={busy} onClick={() => void download()}>{busy ? 'Preparing CSV…' : 'Download the log as CSV'}</Button>}
      </div>
      {failure && <MessageBar intent="error"><MessageBarBody>{failure}</MessageBarBody></MessageBar>}
      {log.loading && !log.data && <Spinner size="small" label="Loading the activity log…" />}
      {log.error && <MessageBar intent="error"><MessageBarBody>{log.error.message}</MessageBarBody></MessageBar>}
      {log.data && (
        <>
          <MessageBar intent={log.data.check.intact ? 'success' : 'error'} data-testid="chain-check"><MessageBarBody>{chainInWords(log.data.check)}</MessageBarBody></MessageBar>
          {log.data.entries.length === 0 && <Body1>Nothing has been recorded yet.</Body1>}
          <ol className={styles.list} aria-label="Activity, newest first">
            {log.data.entries.map((entry) => <Entry key={entry.sequence} entry={entry} broken={isBrokenAt(log.data!.check, entry.sequence)} />)}
          </ol>
        </>
      )}
    </section>
  );
}

function Entry({ entry, broken }: { entry: ActivityLogEntry; broken: boolean }) {
  const styles = useStyles();
  const late = entry.happenedAt && entry.happenedAt.slice(0, 16) !== entry.at.slice(0, 16) ? ` (recorded ${timeOf(entry.at)})` : '';
  return (
    <li className={mergeClasses(styles.entry, broken && styles.broken)} data-sequence={entry.sequence}>
      <Body1>{entry.summary}</Body1>
      <Caption1 className={styles.meta}>
        Entry {entry.sequence} · {ACTIVITY_KIND_LABELS[entry.kind] ?? entry.kind} · {entry.actor} · {timeOf(entry.happenedAt ?? entry.at)}{late}
        {broken && ' · changed outside Practice Audit'}
      </Caption1>
    </li>
  );
}
