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

/** The fake API's today (tests/tab/planRoutes.ts): overdue is judged against it. */
export const PLAN_TODAY = '2025-10-15';

/** A team of `count` members named "Member 001"…, with Sam Patel and Alex Jones among them. */
export function teamMembers(count: number): { memberId: string; name: string }[] {
  const others = Array.from({ length: count - 2 }, (_, i) => ({ memberId: `29:member-${i + 1}`, name: `Member ${String(i + 1).padStart(3, '0')}` }));
  return [{ memberId: '29:sam-patel', name: 'Sam Patel' }, ...others, { memberId: '29:alex-jones', name: 'Alex Jones' }];
}

/**
 * A living plan with one of each thing the view shows, against PLAN_TODAY: an overdue action
 * owned by a member with notes and a status history; one due today (not overdue); a done one
 * (its update can be posted); one overdue in another condition; one with no due date.
 */
export function livingPlan(): PlanAction[] {
  return [
    planAction({
      actionId: 'overdue-1', conditionId: 'C01', need: 'Invite police and health to the monthly multi-agency meeting', progress: 'Write to each partner agency',
      owner: 'Sam Patel', ownerMember: { teamsUserId: '29:sam-patel' }, dueDate: '2025-10-01', status: 'in-progress', version: 'W/"overdue-1"',
      notes: [
        { noteId: 'n1', date: '2025-08-01', text: 'Drafted the invitation', writtenAt: '2025-08-01T09:00:00.000Z', writtenBy: 'Sam Patel' },
        { noteId: 'n2', date: '2025-09-10', text: 'Health said yes; police to confirm', writtenAt: '2025-09-11T09:00:00.000Z', writtenBy: 'Alex Jones' },
      ],
      statusHistory: [
        { status: 'not-started', changedAt: '2025-07-01T09:00:00.000Z', changedBy: 'Sam Patel' },
        { status: 'in-progress', changedAt: '2025-09-03T09:00:00.000Z', changedBy: 'Alex Jones' },
      ],
    }),
    planAction({ actionId: 'due-today', conditionId: 'C01', need: 'Share the meeting’s notes with every team', progress: '', dueDate: PLAN_TODAY, status: 'not-started', version: 'W/"due-today"',
      statusHistory: [{ status: 'not-started', changedAt: '2025-09-01T09:00:00.000Z', changedBy: 'Sam Patel' }] }),
    planAction({
      actionId: 'done-1', conditionId: 'C03', need: 'A one-page summary of the practice model', dueDate: '2025-09-01', status: 'done', doneAt: '2025-09-20T10:00:00.000Z', version: 'W/"done-1"',
      statusHistory: [{ status: 'not-started', changedAt: '2025-07-01T09:00:00.000Z', changedBy: 'Sam Patel' }, { status: 'done', changedAt: '2025-09-20T10:00:00.000Z', changedBy: 'Sam Patel' }],
    }),
    planAction({ actionId: 'overdue-2', conditionId: 'C07', need: 'Reflective supervision every month for each practitioner', dueDate: '2025-09-30', status: 'not-started', version: 'W/"overdue-2"' }),
    planAction({ actionId: 'no-date', conditionId: 'C09', need: 'Ask families what helped', dueDate: null, status: 'not-started', version: 'W/"no-date"' }),
  ];
}
