import { useId, useState } from 'react';
import { MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { CONDITIONS, findCondition, type ConditionId } from '@domain/conditions';
import type { Api } from '../api/client';
import { useRoundSummary } from '../hooks/roundFeed';
import { ConditionComments } from '../components/ConditionComments';
import { ConditionDistributionTable } from '../components/ConditionDistributionTable';
import { EvidenceSection } from '../components/evidence/EvidenceSection';
import { ConditionPicker } from '../components/ConditionPicker';
import { formatDate } from '../format';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { margin: `${tokens.spacingVerticalM} 0 0` },
  evidence: { margin: 0, maxWidth: '80ch', color: tokens.colorNeutralForeground2 },
});

/**
 * One condition in depth: why it matters, its answers by level, the evidence beside them, and what
 * people said. `answersExpiredAt`: the round's answers were deleted after the retention period
 * (issue 12): its figures stay, and the comments' place says they were deleted, not that there were none.
 */
export function ConditionView({ api, teamId, roundId, answersExpiredAt }: { api: Api; teamId: string; roundId: string; answersExpiredAt?: string | undefined }) {
  const styles = useStyles();
  const answersId = useId();
  const commentsId = useId();
  const [conditionId, setConditionId] = useState<ConditionId>(CONDITIONS[0]!.id);
  const { data: summary, error, loading } = useRoundSummary();
  const condition = summary?.conditions.find((row) => row.conditionId === conditionId);
  return (
    <>
      <ConditionPicker value={conditionId} onChange={setConditionId} testId="condition-picker" />
      <p className={styles.evidence} data-testid="evidence"><strong>Why this matters: </strong>{findCondition(conditionId)?.evidence}</p>
      {loading && !summary && <Spinner size="small" label="Loading the audit…" />}
      {error && <MessageBar intent="error"><MessageBarBody>{error.message}</MessageBarBody></MessageBar>}
      {summary && condition && (
        <>
          <section className={styles.section} aria-labelledby={answersId}>
            <Subtitle2 as="h2" id={answersId} className={styles.heading}>Answers by level</Subtitle2>
            <ConditionDistributionTable condition={condition} threshold={summary.privacyThreshold} />
          </section>
          <EvidenceSection key={conditionId} api={api.evidence} teamId={teamId} roundId={roundId} conditionId={conditionId} />
          <section className={styles.section} aria-labelledby={commentsId}>
            <Subtitle2 as="h2" id={commentsId} className={styles.heading}>Comments</Subtitle2>
            {/* The API decides whether comments are shown (COMMENT_THRESHOLD), and the component says why not. */}
            {answersExpiredAt
              ? <p data-testid="comments-expired">The comments of this round were deleted on {formatDate(answersExpiredAt)}, at the end of the organisation’s retention period for answers. Its figures are kept.</p>
              : <ConditionComments key={conditionId} api={api} teamId={teamId} roundId={roundId} condition={condition} />}
          </section>
        </>
      )}
    </>
  );
}
