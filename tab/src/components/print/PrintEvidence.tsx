import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { CONDITIONS } from '@domain/conditions';
import type { EvidenceNote } from '../../api/types';
import { EvidenceNoteText } from '../evidence/EvidenceNoteText';
import { notesByCondition } from '../evidence/evidenceFormat';

const useStyles = makeStyles({
  groups: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  condition: { ...typographyStyles.body1Strong, margin: `0 0 ${tokens.spacingVerticalXS}` },
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  note: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
});

/** The round's evidence notes for the printed page, under each condition that has any, in the conditions' order. */
export function PrintEvidence({ notes }: { notes: readonly EvidenceNote[] }) {
  const styles = useStyles();
  const grouped = notesByCondition(notes);
  const conditions = CONDITIONS.filter((condition) => grouped.has(condition.id));
  if (conditions.length === 0) return <p data-testid="print-no-evidence">No evidence notes were added for this round.</p>;
  return (
    <div className={styles.groups} data-testid="print-evidence">
      {conditions.map((condition) => (
        <div key={condition.id} data-condition={condition.id}>
          <h3 className={styles.condition}>{condition.number}. {condition.text}</h3>
          <ul className={styles.list}>
            {grouped.get(condition.id)!.map((note) => (
              <li key={note.noteId} className={styles.note}><EvidenceNoteText note={note} showAdded={false} /></li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
