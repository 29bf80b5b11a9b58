import { makeStyles, tokens } from '@fluentui/react-components';
import type { EvidenceNote } from '../../api/types';
import { formatUkDay } from '../../format';
import { noteHeading } from './evidenceFormat';

const useStyles = makeStyles({
  heading: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  // What it found keeps the champion's line breaks; it is text, never markup.
  found: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxWidth: '80ch' },
  added: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

/**
 * One evidence note as everyone reads it: its kind, day and source, what it found, and who added
 * it when (`showAdded`; not on paper, as exports leave out who wrote what).
 */
export function EvidenceNoteText({ note, showAdded = true }: { note: EvidenceNote; showAdded?: boolean }) {
  const styles = useStyles();
  return (
    <>
      <p className={styles.heading} data-part="heading">{noteHeading(note)}</p>
      <p className={styles.found} data-part="found">{note.found}</p>
      {showAdded && <p className={styles.added} data-part="added">Added by {note.addedBy || 'a practice champion'} on {formatUkDay(note.addedAt)}</p>}
    </>
  );
}
