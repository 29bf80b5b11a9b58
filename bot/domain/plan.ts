import { z } from 'zod';
import type { ConditionId } from './conditions';

/**
 * The plan of Appendix 2: for a condition, what needs to happen and how it will be
 * progressed, as actions with an owner, a due date and a status. Written by champions in
 * the tab; plain text throughout (shown as text, never as markup).
 */
export const ACTION_STATUSES = ['not-started', 'in-progress', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
};

const MAX_PLAN_TEXT = 2000;
const MAX_OWNER = 200;

const text = (max: number) => z.string().trim().max(max, `at most ${max.toLocaleString('en-GB')} characters`);

/** What a champion may send for an action; validated at the edge, stored as given. */
export const planActionInput = z.object({
  conditionId: z.string(),
  need: text(MAX_PLAN_TEXT).min(1, 'say what needs to happen'),
  progress: text(MAX_PLAN_TEXT).default(''),
  owner: text(MAX_OWNER).default(''),
  dueDate: z.iso.date().nullable().default(null),
  status: z.enum(ACTION_STATUSES).default('not-started'),
});

export interface PlanAction {
  readonly actionId: string;
  readonly conditionId: ConditionId;
  /** What needs to happen. */
  readonly need: string;
  /** How it will be progressed. */
  readonly progress: string;
  readonly owner: string;
  /** YYYY-MM-DD, or null when none is set. */
  readonly dueDate: string | null;
  readonly status: ActionStatus;
  readonly updatedAt: string;
  readonly updatedBy: string;
  /** Opaque: send it back when changing the action, so two people's edits cannot silently overwrite. */
  readonly version: string;
}
