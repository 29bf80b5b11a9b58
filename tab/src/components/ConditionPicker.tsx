import { Field, Select, makeStyles, mergeClasses } from '@fluentui/react-components';
import { CONDITIONS, findCondition, isConditionId, type ConditionId } from '@domain/conditions';
import { usePickerStyles } from './pickerStyles';

const useStyles = makeStyles({
  // As wide as the longest condition where there is room (as on a desktop), never wider than the screen.
  picker: { width: 'fit-content', maxWidth: '100%' },
});

/** "3. There is clear communication of a model of good practice". */
export function conditionName(id: ConditionId): string {
  const condition = findCondition(id);
  return condition ? `${condition.number}. ${condition.text}` : id;
}

/** The twelve conditions, by number and text, in a native select (keyboards and screen readers know it). */
export function ConditionPicker(props: { value: ConditionId; onChange: (conditionId: ConditionId) => void; testId: string }) {
  const styles = useStyles();
  const picker = usePickerStyles();
  return (
    <Field label="Condition" className={mergeClasses(picker.field, styles.picker)}>
      <Select
        className={picker.select}
        data-testid={props.testId}
        value={props.value}
        onChange={(_event, data) => { if (isConditionId(data.value)) props.onChange(data.value); }}
      >
        {CONDITIONS.map((c) => <option key={c.id} value={c.id}>{conditionName(c.id)}</option>)}
      </Select>
    </Field>
  );
}
