import { teamStateOf } from '../../../bot/domain/organisation/serviceRound';

const round = { openedAt: '2026-11-02T09:00:00.000Z', closesAt: '2026-11-16T23:59:59.999Z' };
const at = (iso: string) => new Date(iso);

describe("a team's state in a service-wide round, as the organisation view reads it", () => {
  test('a team without a state row is still opening just after the round opened, and not asked once its row would long have been written', () => {
    expect(teamStateOf(undefined, round, at('2026-11-02T09:01:00.000Z'))).toEqual({ state: 'opening' });
    expect(teamStateOf(undefined, round, at('2026-11-02T09:05:00.000Z'))).toEqual({ state: 'not-opened', reason: 'not-asked' });
  });

  test('a team still opening when the close date passes was never asked: it no longer holds the results back', () => {
    expect(teamStateOf({ state: 'opening' }, round, at('2026-11-16T23:00:00.000Z'))).toEqual({ state: 'opening' });
    expect(teamStateOf({ state: 'opening' }, round, at('2026-11-17T00:00:00.000Z'))).toEqual({ state: 'not-opened', reason: 'not-asked' });
  });

  test('a team whose round opened keeps its state whatever the time', () => {
    const opened = { state: 'opened', roundId: 'r1', roundNumber: 3 } as const;
    expect(teamStateOf(opened, round, at('2027-01-01T00:00:00.000Z'))).toBe(opened);
  });
});
