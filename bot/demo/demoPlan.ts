import type { PlanStore } from '../app/plan/planStore';
import { actionsOfOpenRound, type ActionStatus } from '../domain/plan';

/**
 * The demo team's plan (issue 11: it belongs to the team): two actions agreed while round 1 was
 * open, kept with it at its close; three more agreed after it, as planning usually happens;
 * then months of work on them, with progress notes and the status history that work leaves.
 */
interface DemoAction {
  readonly conditionId: 'C02' | 'C03' | 'C08' | 'C10' | 'C11';
  readonly need: string;
  readonly progress: string;
  readonly owner: string;
  readonly dueDate: string | null;
  /** When it was agreed (before or after round 1's close). */
  readonly agreedAt: string;
  /** Its status moves after it was agreed, each with when. */
  readonly moves: readonly (readonly [ActionStatus, string])[];
  readonly notes: readonly { readonly date: string; readonly text: string; readonly writtenAt: string }[];
}

const DEMO_ACTIONS: readonly DemoAction[] = [
  {
    conditionId: 'C02', need: 'Every team knows who its practice champion is, and champions have protected time.', progress: 'Name champions on each team page; agree protected time with heads of service.', owner: 'Principal social worker', dueDate: '2026-06-30',
    agreedAt: '2026-03-16T14:00:00.000Z', moves: [['in-progress', '2026-04-20T09:30:00.000Z'], ['done', '2026-06-22T16:00:00.000Z']],
    notes: [
      { date: '2026-05-08', text: 'Champions named on every team page and in the staff bulletin.', writtenAt: '2026-05-11T10:00:00.000Z' },
      { date: '2026-06-18', text: 'Half a day a month agreed with all four heads of service.', writtenAt: '2026-06-22T16:00:00.000Z' },
    ],
  },
  {
    conditionId: 'C03', need: 'New starters and business support staff are introduced to the practice model.', progress: 'Add a session on the model to induction; run two drop-in briefings for business support.', owner: 'Workforce development lead', dueDate: '2026-09-30',
    agreedAt: '2026-03-16T14:05:00.000Z', moves: [['in-progress', '2026-07-01T09:00:00.000Z']],
    notes: [{ date: '2026-09-10', text: 'First induction session on the model held: 14 new starters.', writtenAt: '2026-09-11T08:45:00.000Z' }],
  },
  {
    conditionId: 'C08', need: 'Social work teams have skilled administrative support again.', progress: 'Business case for team coordinators to go to the October budget board.', owner: 'Head of service, assessment', dueDate: '2026-10-31',
    agreedAt: '2026-04-14T11:00:00.000Z', moves: [['in-progress', '2026-05-04T09:00:00.000Z']],
    notes: [{ date: '2026-10-21', text: 'Business case presented; the board asked for costs of two options.', writtenAt: '2026-10-22T13:20:00.000Z' }],
  },
  {
    conditionId: 'C10', need: 'Recording a visit happens once, in one place.', progress: 'Practitioner working group to map duplicate forms with the system supplier.', owner: 'Service manager, quality and performance', dueDate: '2027-01-31',
    agreedAt: '2026-04-14T11:05:00.000Z', moves: [], notes: [],
  },
  {
    conditionId: 'C11', need: 'Partner agencies see the data that matters to their work with families.', progress: 'Share a quarterly partnership data pack through the safeguarding partnership.', owner: '', dueDate: null,
    agreedAt: '2026-04-14T11:10:00.000Z', moves: [], notes: [],
  },
];

/**
 * Writes the demo plan through the plan's store, as champions would have: round 1's plan kept at
 * its close (`round1.closedAt`), then what came after it. `by`: the champion's name. Run it while
 * round 1 is still open in storage: a team's first use of its plan keeps a closed round's plan
 * written the old way (none here) as the one at its close, and the first kept wins.
 */
export async function seedDemoPlan(plans: PlanStore, teamId: string, round1: { roundId: string; closedAt: string }, by: string): Promise<void> {
  const agreed = async (action: DemoAction, i: number) =>
    plans.create(teamId, `demo-action-${i + 1}`, { ...action, ownerMember: null, status: 'not-started' }, { at: action.agreedAt, by, roundId: round1.roundId });
  const before = DEMO_ACTIONS.filter((action) => action.agreedAt < round1.closedAt);
  for (const [i, action] of before.entries()) await agreed(action, i);
  await plans.freeze(teamId, round1.roundId, actionsOfOpenRound(await plans.list(teamId), undefined), round1.closedAt);
  for (const [i, action] of DEMO_ACTIONS.entries()) {
    let current = action.agreedAt < round1.closedAt ? (await plans.get(teamId, `demo-action-${i + 1}`))! : await agreed(action, i);
    const steps = [...action.moves.map(([status, at]) => ({ at, status })), ...action.notes.map((note) => ({ at: note.writtenAt, note }))].sort((a, b) => a.at.localeCompare(b.at));
    for (const step of steps) {
      if ('note' in step) await plans.addNote(teamId, current.actionId, { ...step.note, writtenBy: by });
      else current = await plans.update(teamId, current.actionId, (await plans.get(teamId, current.actionId))!.version, { ...current, status: step.status }, { at: step.at, by });
    }
  }
}
