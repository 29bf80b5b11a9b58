import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Field, Input, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { TeamMembersReply } from '../../api/types';
import { VISUALLY_HIDDEN } from '../tableStyles';
import { MAX_OWNER } from './planFormat';

export type TeamMember = TeamMembersReply['members'][number];
/** The team's members for the picker: loaded, still loading, or not to be had (typing still works). */
export type Members = readonly TeamMember[] | 'loading' | 'failed';

/** An action's owner: a member picked from the team (their roster name), or free text (`memberId` null). */
export interface OwnerChoice {
  readonly owner: string;
  readonly memberId: string | null;
}

/** At most this many members are listed at once (no scrolling list): a team of hundreds is narrowed by typing. */
const LISTED = 8;

/*
 * Fluent's Combobox would do, but it adds 34 KiB gzipped to the tab (a sixth of its budget) for
 * one field. This is WAI-ARIA's editable combobox with list autocomplete (APG), with Fluent's
 * Input and tokens: the list sits in the page's flow under the field, so no table or phone
 * screen clips it.
 */
const useStyles = makeStyles({
  listbox: {
    listStyle: 'none',
    margin: `${tokens.spacingVerticalXXS} 0 0`,
    padding: tokens.spacingVerticalXXS,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow8,
  },
  option: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusSmall,
    cursor: 'pointer',
    color: tokens.colorNeutralForeground1,
    overflowWrap: 'anywhere',
    // The hover pair, foreground with background: high contrast's hover background is light.
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, color: tokens.colorNeutralForeground1Hover },
  },
  // The option the arrow keys are on: an outline, which every theme shows (high contrast too), not a tint alone.
  active: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    outlineOffset: '-2px',
    backgroundColor: tokens.colorNeutralBackground1Hover,
    color: tokens.colorNeutralForeground1Hover,
  },
  input: { width: '100%' },
  hidden: VISUALLY_HIDDEN,
});

function hintFor(members: Members, value: OwnerChoice, matching: number): string {
  let hint: string;
  if (value.memberId) hint = `${value.owner}: a member of the team.`;
  else if (members === 'loading') hint = 'Loading the team’s members… You can type a name meanwhile.';
  else if (members === 'failed') hint = 'The team’s members could not be loaded: type the owner’s name.';
  else if (value.owner.trim()) hint = 'Someone outside the team: not picked from the list.';
  else hint = 'Type to find a member of the team and pick them, or type the name of someone outside it.';
  return matching > LISTED ? `${hint} Showing ${LISTED} of ${matching.toLocaleString('en-GB')} members: type more to narrow the list.` : hint;
}

/**
 * The owner of an action: type to filter the team's members (any part of the name) and pick one
 * with the arrow keys and Enter, or a click; or type the name of someone outside the team.
 * Picking sends the member's id (the API takes their name from the roster); typing after a pick
 * makes it free text again, and the hint always says which of the two the owner is.
 */
export function OwnerPicker(props: { members: Members; value: OwnerChoice; onChange: (value: OwnerChoice) => void; problem?: string }) {
  const { members, value, onChange } = props;
  const styles = useStyles();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const closeAfterClick = useRef<(() => void) | null>(null);
  useEffect(() => () => {
    if (closeAfterClick.current) document.removeEventListener('click', closeAfterClick.current);
  }, []);
  // A picked member lists everyone again (to change the pick); typed text narrows the list.
  const query = value.memberId ? '' : value.owner.trim().toLowerCase();
  const matches = useMemo(
    () => (typeof members === 'string' ? [] : members.filter((member) => member.name.toLowerCase().includes(query))),
    [members, query],
  );
  const listed = matches.slice(0, LISTED);
  const expanded = open && listed.length > 0;

  const pick = (member: TeamMember) => {
    onChange({ owner: member.name, memberId: member.memberId });
    setOpen(false);
    setActive(-1);
  };
  const move = (by: number) => {
    if (!expanded) {
      setOpen(true);
      setActive(by > 0 ? 0 : listed.length - 1);
      return;
    }
    setActive((current) => (current + by + listed.length) % listed.length);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && event.altKey) setOpen(true);
    else if (event.key === 'ArrowDown') move(1);
    else if (event.key === 'ArrowUp') move(-1);
    else if (event.key === 'Enter' && expanded && listed[active]) pick(listed[active]);
    else if (event.key === 'Escape' && expanded) setOpen(false);
    else {
      // Tab moves on: the list closes at once (a pointer leaving it is handled on blur).
      if (event.key === 'Tab') setOpen(false);
      return;
    }
    // A key the list used: not the form's (Enter would submit it) nor the caret's.
    event.preventDefault();
  };

  return (
    <Field label="Owner" hint={hintFor(members, value, matches.length)} validationMessage={props.problem} validationState={props.problem ? 'error' : 'none'}>
      <div data-testid="owner-picker">
        <Input
          className={styles.input}
          name="owner"
          maxLength={MAX_OWNER}
          autoComplete="off"
          value={value.owner}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
          onChange={(_event, data) => {
            onChange({ owner: data.value, memberId: null });
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            // Closed once the press that took the focus away has clicked: closing at once would
            // move what is below the list from under the pointer, and the click would miss it.
            if (closeAfterClick.current) return;
            const close = () => {
              closeAfterClick.current = null;
              setOpen(false);
            };
            closeAfterClick.current = close;
            document.addEventListener('click', close, { once: true });
          }}
        />
        <ul id={listId} role="listbox" aria-label="Members of the team" className={styles.listbox} hidden={!expanded}>
          {expanded && listed.map((member, index) => (
            <li
              key={member.memberId}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={member.memberId === value.memberId}
              className={mergeClasses(styles.option, index === active && styles.active)}
              // Keeps the focus in the field, so the click picks and typing carries on.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(member)}
            >
              {member.name}
            </li>
          ))}
        </ul>
        <span role="status" className={styles.hidden}>
          {open && typeof members !== 'string' && query ? `${matches.length.toLocaleString('en-GB')} ${matches.length === 1 ? 'member matches' : 'members match'}` : ''}
        </span>
      </div>
    </Field>
  );
}
