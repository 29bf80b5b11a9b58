import { Field, MessageBar, MessageBarBody, MessageBarTitle, Select } from '@fluentui/react-components';
import { chooseLocalOrgRole, localOrgRole, type LocalOrgRole } from '../api/localOrgRole';
import { usePickerStyles } from './pickerStyles';

const ACT_AS: readonly { role: LocalOrgRole; label: string }[] = [
  { role: 'admin', label: 'Organisation admin' },
  { role: 'leader', label: 'Organisation leader' },
  { role: 'none', label: 'Team member only' },
];

/**
 * Local mode runs without sign-in on this computer only: say so plainly on every view. Its
 * "Act as" switch chooses the organisation role the developer acts as (issue 13); the page
 * reloads so that every view asks again as that role.
 */
export function LocalBanner({ name }: { name: string }) {
  const picker = usePickerStyles();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="local-banner">
      <MessageBarBody>
        <MessageBarTitle>Local mode: not signed in — {name}</MessageBarTitle>
        The service is running on this computer without Teams sign-in. Anyone on this computer can read these results.
        <Field label="Act as" className={picker.field}>
          <Select
            className={picker.select}
            defaultValue={localOrgRole()}
            onChange={(_event, data) => {
              chooseLocalOrgRole(data.value as LocalOrgRole);
              window.location.reload();
            }}
          >
            {ACT_AS.map(({ role, label }) => (
              <option key={role} value={role}>{label}</option>
            ))}
          </Select>
        </Field>
      </MessageBarBody>
    </MessageBar>
  );
}
