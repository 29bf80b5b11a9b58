import { makeStyles, tokens } from '@fluentui/react-components';
import { LEVELS } from '@domain/levels';
import type { RoundSummary } from '@domain/summary/roundSummary';
import { countText, plural } from '../format';
import { useRoundParticipation } from '../hooks/roundFeed';
import { ConditionCompletion } from './ConditionCompletion';
import { NoRatesByLevel, ResponseRate } from './ResponseRate';

const useStyles = makeStyles({
  total: { margin: `0 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  item: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
    // Invisible, except in high contrast, where shadows vanish and this draws the card's edge.
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  level: { display: 'block', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  count: { display: 'block', fontWeight: tokens.fontWeightSemibold },
});

/**
 * Who took part in a closed round: people in all, the response rate against the team's members at
 * close (from the round's participation, which keeps them), each condition's completion against
 * the same, and people by level where the group is big enough to show; there is no response rate
 * by level, and it says so. In the past tense, as the closed round's cards: it is over.
 */
export function Participation({ summary }: { summary: RoundSummary }) {
  const styles = useStyles();
  const threshold = summary.privacyThreshold;
  const { data: participation } = useRoundParticipation();
  return (
    <>
      <p className={styles.total} data-testid="respondents">{plural(summary.respondents, 'person', 'people')} answered</p>
      {participation && <ResponseRate respondents={summary.respondents} teamSize={participation.teamSize} open={false} />}
      <ul className={styles.list} aria-label="People who have answered, by level">
        {LEVELS.map((level) => (
          <li key={level.id} className={styles.item} data-level={level.id}>
            <span className={styles.level}>{level.label}</span>
            <span className={styles.count}>{countText(summary.respondentsByLevel[level.id], threshold, 'person', 'people')}</span>
          </li>
        ))}
      </ul>
      <NoRatesByLevel />
      {participation && <ConditionCompletion participation={participation} open={false} />}
    </>
  );
}
