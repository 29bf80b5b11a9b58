import { Field, Select } from '@fluentui/react-components';
import type { RoundListItem } from '../api/types';
import { usePickerStyles } from './pickerStyles';
import { formatDate } from '../format';

function roundLabel(round: RoundListItem): string {
  const opened = formatDate(round.openedAt);
  if (round.status === 'open') return `Round ${round.number} (open, started ${opened})`;
  return `Round ${round.number} (closed ${formatDate(round.closedAt) || opened})`;
}

/** The team's audit rounds, newest first; a native select, so keyboards and screen readers know it. */
export function RoundPicker(props: { rounds: readonly RoundListItem[]; value: string; onChange: (roundId: string) => void }) {
  const picker = usePickerStyles();
  return (
    <Field label="Audit round" className={picker.field}>
      <Select className={picker.select} value={props.value} onChange={(_event, data) => props.onChange(data.value)}>
        {props.rounds.map((round) => (
          <option key={round.roundId} value={round.roundId}>{roundLabel(round)}</option>
        ))}
      </Select>
    </Field>
  );
}
