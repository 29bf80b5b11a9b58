import { Field, Select } from '@fluentui/react-components';
import type { ServiceRoundListing } from '../../api/types';
import { usePickerStyles } from '../pickerStyles';
import { serviceRoundLabel } from './organisationFormat';

/** The organisation's service-wide rounds, newest first; a native select, as the team's round picker. */
export function ServiceRoundPicker(props: { rounds: readonly ServiceRoundListing[]; value: string; onChange: (serviceRoundId: string) => void }) {
  const picker = usePickerStyles();
  return (
    <Field label="Service-wide round" className={picker.field}>
      <Select className={picker.select} value={props.value} onChange={(_event, data) => props.onChange(data.value)} data-testid="service-round-picker">
        {props.rounds.map((round) => (
          <option key={round.serviceRoundId} value={round.serviceRoundId}>{serviceRoundLabel(round)}</option>
        ))}
      </Select>
    </Field>
  );
}
