import { nudgeTimeOf, nudgeToPlan, whyNoNudge } from '../../bot/domain/actionNudge';
import type { PlanAction } from '../../bot/domain/plan';

/** Issue 11: when an action's owner is nudged, and when a nudge planned for a due date no longer applies. */
type Fields = Pick<PlanAction, 'ownerMember' | 'dueDate' | 'status'>;
const BEN = { teamsUserId: '29:user-2', entraObjectId: '00000000-0000-4000-8000-000000000002' };
const CHLOE = { teamsUserId: '29:user-3' };
const action = (fields: Partial<Fields> = {}): Fields => ({ ownerMember: BEN, dueDate: '2027-03-03', status: 'in-progress', ...fields });
const at = (iso: string) => new Date(iso);

describe("an owner's nudge is planned", () => {
  it('for 09:00 UK time on the due date, in winter and in summer', () => {
    expect(nudgeToPlan(undefined, action(), at('2027-03-01T12:00:00Z'))).toEqual({ dueDate: '2027-03-03', at: at('2027-03-03T09:00:00Z') });
    expect(nudgeToPlan(undefined, action({ dueDate: '2027-07-03' }), at('2027-03-01T12:00:00Z'))).toEqual({ dueDate: '2027-07-03', at: at('2027-07-03T08:00:00Z') });
    expect(nudgeTimeOf('2027-07-03')).toEqual(at('2027-07-03T08:00:00Z'));
  });

  it('when the due date or the owner changes, and not for a change of anything else', () => {
    const now = at('2027-03-01T12:00:00Z');
    expect(nudgeToPlan(action(), action({ dueDate: '2027-03-10' }), now)).toEqual({ dueDate: '2027-03-10', at: at('2027-03-10T09:00:00Z') });
    expect(nudgeToPlan(action(), action({ ownerMember: CHLOE }), now)).toEqual({ dueDate: '2027-03-03', at: at('2027-03-03T09:00:00Z') });
    expect(nudgeToPlan(action({ ownerMember: null }), action(), now)).toMatchObject({ dueDate: '2027-03-03' });
    expect(nudgeToPlan(action(), action({ status: 'not-started' }), now)).toBeUndefined();
  });

  it('never for a free-text owner or an action with no due date', () => {
    const now = at('2027-03-01T12:00:00Z');
    expect(nudgeToPlan(undefined, action({ ownerMember: null }), now)).toBeUndefined();
    expect(nudgeToPlan(action(), action({ ownerMember: null }), now)).toBeUndefined();
    expect(nudgeToPlan(undefined, action({ dueDate: null }), now)).toBeUndefined();
  });

  it('at once when its time has passed and the action is not done; not at all when it is done', () => {
    const now = at('2027-03-03T09:00:01Z');
    expect(nudgeToPlan(undefined, action(), now)).toEqual({ dueDate: '2027-03-03', at: now });
    expect(nudgeToPlan(undefined, action({ dueDate: '2027-02-01' }), now)).toEqual({ dueDate: '2027-02-01', at: now });
    expect(nudgeToPlan(undefined, action({ status: 'done' }), now)).toBeUndefined();
  });

  it('for a future due date even when the action is done now, as it may be reopened (the nudge checks when due)', () => {
    expect(nudgeToPlan(undefined, action({ status: 'done' }), at('2027-03-01T12:00:00Z'))).toMatchObject({ dueDate: '2027-03-03' });
  });
});

describe('a nudge planned for a due date', () => {
  it('still applies to the action due that day, not done, with a member as owner', () => {
    expect(whyNoNudge(action(), '2027-03-03')).toBeUndefined();
  });

  it('does not apply once the action is removed, done, moved to another day, or owned by someone outside the roster', () => {
    expect(whyNoNudge(undefined, '2027-03-03')).toBe('action_removed');
    expect(whyNoNudge(action({ dueDate: '2027-03-10' }), '2027-03-03')).toBe('due_date_moved');
    expect(whyNoNudge(action({ dueDate: null }), '2027-03-03')).toBe('due_date_moved');
    expect(whyNoNudge(action({ status: 'done' }), '2027-03-03')).toBe('action_done');
    expect(whyNoNudge(action({ ownerMember: null }), '2027-03-03')).toBe('owner_not_a_member');
  });
});
