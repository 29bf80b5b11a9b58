import { Button, Checkbox, MessageBar, MessageBarActions, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { RoundListItem } from '../../api/types';
import { plural } from '../../format';
import { formatDueDate, formatUkDay } from './planFormat';
import type { PlanMode, ShownPlan } from './usePlan';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  note: { color: tokens.colorNeutralForeground2 },
});

/**
 * Above the plan: which plan it is (the living one, or a closed round's as it stood at its
 * close, read only) with a way to the other, and for champions on the living plan how many
 * actions are overdue, with a filter to just those.
 */
export function PlanStatus(props: {
  plan: ShownPlan;
  round: RoundListItem;
  onMode: (mode: PlanMode) => void;
  overdue: number;
  onlyOverdue: boolean;
  onOnlyOverdue: (only: boolean) => void;
}) {
  const { plan, round } = props;
  const styles = useStyles();
  const closed = round.status === 'closed';
  return (
    <div className={styles.box}>
      {plan.mode === 'frozen' && plan.frozenAt && (
        <MessageBar intent="info" data-testid="plan-frozen">
          <MessageBarBody>
            The plan as it stood when round {round.number} closed on {formatUkDay(plan.frozenAt)}. It is kept as it was then, so it cannot be changed.
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => props.onMode('living')}>See the plan as it stands now</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {plan.mode === 'living' && (
        <Text className={styles.note} data-testid="plan-living">
          The team’s plan as it stands today, {formatDueDate(plan.today)}: its actions carry on from round to round until they are done.{' '}
          {closed && (
            <Button size="small" appearance="transparent" onClick={() => props.onMode('frozen')}>
              See the plan as it stood when round {round.number} closed
            </Button>
          )}
        </Text>
      )}
      {plan.mode === 'living' && plan.canEdit && (
        props.overdue > 0 ? (
          <MessageBar intent="warning" data-testid="plan-overdue">
            <MessageBarBody>
              {plural(props.overdue, 'action is', 'actions are')} overdue: not done, and due before today.
            </MessageBarBody>
            <MessageBarActions>
              <Checkbox checked={props.onlyOverdue} onChange={(_e, data) => props.onOnlyOverdue(data.checked === true)} label="Show only overdue actions" />
            </MessageBarActions>
          </MessageBar>
        ) : (
          <Text className={styles.note} data-testid="plan-overdue">No action is overdue.</Text>
        )
      )}
    </div>
  );
}
