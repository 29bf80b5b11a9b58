import type { OwnerMember, PlanAction, ProgressNote } from '../../domain/plan';

/** An action's own fields, as a champion sets them (its notes and history are kept beside them). */
export interface ActionFields {
  readonly conditionId: PlanAction['conditionId'];
  readonly need: string;
  readonly progress: string;
  readonly owner: string;
  readonly ownerMember: OwnerMember | null;
  readonly dueDate: string | null;
  readonly status: PlanAction['status'];
}

/** Who made a change, and when (ISO 8601): kept with the action and in its status history. */
export interface ChangeStamp {
  readonly at: string;
  readonly by: string;
}

/** The plan as it stood when a round closed (issue 11): kept with the round, never changed after. */
export interface FrozenPlan {
  readonly roundId: string;
  /** ISO 8601. */
  readonly frozenAt: string;
  readonly actions: readonly PlanAction[];
}

/**
 * Each team's living plan (bot/storage/planRepository.ts implements it over Table storage). An
 * action belongs to a team and a condition; changes are made at the version their editor saw,
 * so a concurrent edit is refused (PLAN_CHANGED), not lost. Plans written before issue 11 (one
 * per round) are carried into the team's plan on first use (a migration, idempotent across
 * instances). Every method rejects with STORAGE_UNAVAILABLE when storage cannot be reached.
 */
export interface PlanStore {
  /** The team's actions, each with its notes and status history, in condition order. */
  list(teamId: string): Promise<PlanAction[]>;
  /** One action, or undefined when it is not in the team's plan. */
  get(teamId: string, actionId: string): Promise<PlanAction | undefined>;
  /** Adds an action; its status history starts with its first status. */
  create(teamId: string, actionId: string, fields: ActionFields, created: ChangeStamp & { readonly roundId: string | null }): Promise<PlanAction>;
  /**
   * Replaces an action's fields at `version`, adding a status change to its history when the
   * status moves (and setting or clearing `doneAt`). ACTION_NOT_FOUND, PLAN_CHANGED, VERSION_NOT_VALID.
   */
  update(teamId: string, actionId: string, version: string, fields: ActionFields, changed: ChangeStamp): Promise<PlanAction>;
  /** Removes an action (its notes and history with it) at `version`; the same refusals as update. */
  remove(teamId: string, actionId: string, version: string): Promise<void>;
  /** Adds a dated progress note to an action (ACTION_NOT_FOUND when it is gone); notes are never edited. */
  addNote(teamId: string, actionId: string, note: Omit<ProgressNote, 'noteId'>): Promise<ProgressNote>;
  /** Keeps `actions` as the round's plan at its close. The first freeze of a round wins; later ones change nothing. */
  freeze(teamId: string, roundId: string, actions: readonly PlanAction[], frozenAt: string): Promise<void>;
  /** The plan as the round's close left it, or undefined when none was kept. */
  frozen(teamId: string, roundId: string): Promise<FrozenPlan | undefined>;
}
