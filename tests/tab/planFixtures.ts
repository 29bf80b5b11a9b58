import type { PlanAction } from '../../bot/domain/plan';

/** A plan action as the plan API returns it (bot/domain/plan.ts), with `fields` in place of the defaults. */
export function planAction(fields: Partial<PlanAction>): PlanAction {
  return {
    actionId: 'fixture-1',
    conditionId: 'C03',
    need: 'A one-page summary of the practice model for every team',
    progress: 'Draft at the March practice forum',
    owner: 'Head of practice',
    dueDate: '2027-03-31',
    status: 'in-progress',
    updatedAt: '2026-11-01T10:00:00.000Z',
    updatedBy: 'Local developer',
    version: 'W/"fixture-1"',
    ownerMember: null,
    createdAt: '2026-10-01T10:00:00.000Z',
    createdInRoundId: null,
    doneAt: null,
    notes: [],
    statusHistory: [],
    ...fields,
  };
}
