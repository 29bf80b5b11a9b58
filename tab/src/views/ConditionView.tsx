import { useId, useState } from 'react';
import { Field, MessageBar, MessageBarBody, Select, Spinner, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CONDITIONS, findCondition, isConditionId, type ConditionId } from '@domain/conditions';
import type { Api } from '../api/client';
import { useRoundSummary } from '../hooks/roundFeed';
import { ConditionComments } from '../components/ConditionComments';
import { ConditionDistributionTable } from '../components/ConditionDistributionTable';
import { EvidenceSection } from '../components/evidence/EvidenceSection';
import { usePickerStyles } from '../components/pickerStyles';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { margin: `${tokens.spacingVerticalM} 0 0` },
  // As wide as the longest condition where there is room (as on a desktop), never wider than the screen.
  picker: { width: 'fit-content', maxWidth: '100%' },
  evidence: { margin: 0, maxWidth: '80ch', color: tokens.colorNeutralForeground2 },
});

const conditionName = (id: ConditionId) => {
  const condition = findCondition(id);
  return condition ? `${condition.number}. ${condition.text}` : id;
};

/** One condition in depth: why it matters, its answers by level, the evidence beside them, and what people said. */
export function ConditionView({ api, teamId, roundId }: { api: Api; teamId: string; roundId: string }) {
  const styles = useStyles();
  const picker = usePickerStyles();
  const answersId = useId();
  const commentsId = useId();
  const [conditionId, setConditionId] = useState<ConditionId>(CONDITIONS[0]!.id);
  const { data: summary, error, loading } = useRoundSummary();
  const condition = summary?.conditions.find((row) => row.conditionId === conditionId);
  return (
    <>
      <Field label="Condition" className={mergeClasses(picker.field, styles.picker)}>
        <Select
          className={picker.select}
          data-testid="condition-picker"
          value={conditionId}
          onChange={(_event, data) => { if (isConditionId(data.value)) setConditionId(data.value); }}
        >
          {CONDITIONS.map((c) => <option key={c.id} value={c.id}>{conditionName(c.id)}</option>)}
        </Select>
      </Field>
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
            {condition.allStaff.shown
              ? <ConditionComments key={conditionId} api={api} teamId={teamId} roundId={roundId} condition={condition} />
              : <p>Comments are hidden: fewer than {summary.privacyThreshold} people answered this condition.</p>}
          </section>
        </>
      )}
    </>
  );
}
