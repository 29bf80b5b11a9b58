import { makeStyles, tokens } from '@fluentui/react-components';
import { plural } from '../../format';
import { useRoundEvidence } from '../../hooks/roundFeed';

const useStyles = makeStyles({
  marker: {
    display: 'block',
    width: 'fit-content',
    marginTop: tokens.spacingVerticalXXS,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    borderRadius: tokens.borderRadiusSmall,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
});

/**
 * In the overview, under a condition's name: how many evidence notes it has in this round
 * ("2 evidence notes"), as words a screen reader reads with the row's header; nothing without one.
 * Read from the round's feed, so it needs no prop from the table.
 */
export function EvidenceMarker({ conditionId }: { conditionId: string }) {
  const styles = useStyles();
  const { data } = useRoundEvidence();
  const count = data?.notes.filter((note) => note.conditionId === conditionId).length ?? 0;
  if (count === 0) return null;
  return <span className={styles.marker} data-part="evidence-count">{plural(count, 'evidence note', 'evidence notes')}</span>;
}
