import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import type { PlanAction, PostedToChannel, ProgressNoteFields } from '../../api/types';
import { actionName, formatDueDate, isOverdue, statusLabel } from './planFormat';
import { ProgressNotes } from './ProgressNotes';
import { StatusHistory } from './StatusHistory';
import { TellTheTeam } from './TellTheTeam';

const useStyles = makeStyles({
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  meta: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  overdue: { marginRight: tokens.spacingHorizontalXS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, marginTop: tokens.spacingVerticalXS },
});

/** What the plan's actions can do here, and how overdue is judged. */
export interface ActionHandlers {
  /** A champion, on the living plan. */
  readonly canEdit: boolean;
  /** A change to the plan is being saved: the change and delete buttons wait. */
  readonly busy: boolean;
  /** Today in the UK (YYYY-MM-DD): a new note's date. */
  readonly today: string;
  /** An action not done and due before `day` (YYYY-MM-DD) is marked with `label`. */
  readonly overdue: { readonly day: string; readonly label: string };
  onEdit(action: PlanAction): void;
  onDelete(action: PlanAction): void;
  /** Rejects with the API's refusal (the note form shows it). */
  addNote(action: PlanAction, fields: ProgressNoteFields): Promise<void>;
  announce(action: PlanAction): Promise<PostedToChannel>;
}

/**
 * One action under "How will you progress this?": how, its owner, due date and status (with
 * "Overdue" in words, not colour alone), its "what we did" notes, its status history on demand,
 * and for champions: change, delete, add a note, and "Tell the team" once it is done.
 */
export function ActionDetails({ action, handlers }: { action: PlanAction; handlers: ActionHandlers }) {
  const styles = useStyles();
  const name = actionName(action);
  const overdue = isOverdue(action, handlers.overdue.day);
  return (
    <>
      {action.progress && <span className={styles.text}>{action.progress}</span>}
      <span className={styles.meta} data-part="meta">
        {overdue && (
          <Badge className={styles.overdue} appearance="filled" color="danger" shape="rounded" data-part="overdue">{handlers.overdue.label}</Badge>
        )}
        {[
          action.owner ? `Owner: ${action.owner}` : 'No owner yet',
          action.dueDate ? `Due ${formatDueDate(action.dueDate)}` : 'No due date',
          statusLabel(action.status),
        ].join(' · ')}
      </span>
      {handlers.canEdit && (
        <span className={styles.buttons}>
          <Button size="small" onClick={() => handlers.onEdit(action)} disabled={handlers.busy} aria-label={`Change the action “${name}”`}>Change</Button>
          <Button size="small" onClick={() => handlers.onDelete(action)} disabled={handlers.busy} aria-label={`Delete the action “${name}”`}>Delete</Button>
        </span>
      )}
      <ProgressNotes action={action} canAdd={handlers.canEdit} today={handlers.today} onAdd={(fields) => handlers.addNote(action, fields)} />
      <StatusHistory action={action} />
      {handlers.canEdit && action.status === 'done' && <TellTheTeam action={action} announce={() => handlers.announce(action)} />}
    </>
  );
}
