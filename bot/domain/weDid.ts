import type { CalendarDay } from './closeDate';
import type { ConditionId } from './conditions';
import { AuditError } from './errors';
import type { PlanAction } from './plan';

/**
 * A done action's short update for the team's channel (issue 11, "we did"): the condition, what
 * was done (the action's need), its owner, when it was done, and its latest progress note.
 */
export interface WeDidFacts {
  readonly actionId: string;
  readonly conditionId: ConditionId;
  readonly need: string;
  readonly owner: string;
  /** ISO 8601: when it became done. */
  readonly doneAt: string;
  /** The note with the latest date (the latest written among those of one date), or null when it has none. */
  readonly latestNote: { readonly date: CalendarDay; readonly text: string } | null;
}

/**
 * The update of a done action. Throws ACTION_NOT_DONE for an action that is not done: staff are
 * told only of what was done, never of what is still planned as if it were.
 */
export function weDidFacts(action: PlanAction): WeDidFacts {
  if (action.status !== 'done') {
    throw new AuditError('ACTION_NOT_DONE', `Only a done action can be announced, and this one is ${action.status === 'in-progress' ? 'in progress' : 'not started'}: mark it done in the plan first.`);
  }
  const latest = [...action.notes].sort((a, b) => b.date.localeCompare(a.date) || b.writtenAt.localeCompare(a.writtenAt))[0];
  return {
    actionId: action.actionId,
    conditionId: action.conditionId,
    need: action.need,
    owner: action.owner,
    // A done action has doneAt; one made done before issue 11 kept only when it was last changed.
    doneAt: action.doneAt ?? action.updatedAt,
    latestNote: latest ? { date: latest.date, text: latest.text } : null,
  };
}
