import {
  actionChangedSummary,
  championNamedSummary,
  championSteppedDownSummary,
  roundClosedSummary,
  roundExtendedSummary,
  roundOpenedSummary,
  settingsChangedSummary,
} from '../../bot/domain/activitySummaries';
import { DEFAULT_TEAM_SETTINGS } from '../../bot/domain/teamSettings';

/** What the activity log says of each change: plain UK English, naming who did it, saying what changed. */
describe("the activity log's sentences", () => {
  it('say who opened, extended and closed a round, and the UK close days', () => {
    // 23:59:59.999 UK on Friday 11 December 2026 (GMT) is the end of that day.
    expect(roundOpenedSummary('Priya Shah', 3, '2026-12-12T00:00:00.000Z')).toBe('Priya Shah opened audit round 3, closing on Friday 11 December 2026.');
    expect(roundOpenedSummary('Practice Audit', 4, '2026-12-12T00:00:00.000Z', 'rounds repeat every 3 months')).toBe('Practice Audit opened audit round 4 (rounds repeat every 3 months), closing on Friday 11 December 2026.');
    expect(roundExtendedSummary('Priya Shah', 3, '2026-12-19T00:00:00.000Z', '2026-12-12T00:00:00.000Z')).toBe('Priya Shah extended audit round 3 to close on Friday 18 December 2026 (it was Friday 11 December 2026).');
    expect(roundClosedSummary('Practice Audit', 3, 'on its close date')).toBe('Practice Audit closed audit round 3 on its close date.');
  });

  it('tell naming a champion from stepping down and from being removed by another', () => {
    expect(championNamedSummary('Priya Shah', 'Sam Patel')).toBe('Priya Shah named Sam Patel a practice champion.');
    expect(championSteppedDownSummary('Sam Patel', 'Sam Patel', true)).toBe('Sam Patel stepped down as a practice champion.');
    expect(championSteppedDownSummary('Priya Shah', 'Sam Patel', false)).toBe('Priya Shah removed Sam Patel as a practice champion.');
  });

  it("say which of an action's fields changed, from what to what", () => {
    const before = { conditionId: 'C06' as const, need: 'Monthly group case discussion', progress: '', owner: 'Head of service', dueDate: '2027-03-31', status: 'not-started' as const };
    expect(actionChangedSummary('Priya Shah', before, { ...before, owner: '', dueDate: null, progress: 'Pilot in the north team' })).toBe(
      'Priya Shah changed the action "Monthly group case discussion": due date from Wednesday 31 March 2027 to no due date; owner from Head of service to no owner; how it will be progressed.',
    );
  });

  it("say which of the team's settings changed, and what they were", () => {
    expect(settingsChangedSummary('Priya Shah', DEFAULT_TEAM_SETTINGS, { closeAfterDays: 21, reminders: [], cadenceMonths: 3 })).toBe(
      "Priya Shah changed the team's settings: rounds stay open 21 days (was 14); automatic reminders none (was half-way and 2 days before the close); rounds repeat every 3 months (was no repeat).",
    );
  });
});
