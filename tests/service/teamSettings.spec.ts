import { DEFAULT_TEAM_SETTINGS } from '../../bot/domain/teamSettings';
import type { RunningService } from '../../bot/service';
import { VERBS } from '../../bot/teams/cards/actions';
import { cardOf, cardText, executeActions, inputValues } from '../support/cardText';
import { startFakeConnector, type FakeConnector, type SentActivity } from '../support/fakeConnector';
import { openRoundCardIn } from '../support/startRound';
import { cardAction, channelCommand, installedInTeam, PEOPLE, TEAM, type TestPerson } from '../support/teamsActivities';
import { testClock } from '../support/testClock';
import { postToBot, startTestService, type BotReply } from '../support/testService';

/**
 * Issue 10: a team's own settings for its rounds (how long a round stays open, the automatic
 * reminders, a cadence), shown and changed by its champions with `settings`, and followed by every
 * round opened afterwards. The real service over HTTP; the service's clock reads 10:00 on Tuesday
 * 1 December 2026 (UK time).
 */
const clock = testClock('2026-12-01T10:00:00.000Z');
let connector: FakeConnector;
let service: RunningService;
const url = () => connector.serviceUrl;
const send = (activity: unknown) => postToBot(service, activity);
const lastSent = () => connector.sentActivities().at(-1)!;
const stored = async () => (await service.services.teamSettings.get(TEAM.id)).settings;

/** Presses Save on a settings card with its inputs as they are, changed by `inputs`. */
function save(who: TestPerson, card: unknown, inputs: Record<string, unknown> = {}): Promise<BotReply> {
  const button = executeActions(card).find((a) => a.verb === VERBS.saveSettings)!;
  return send(cardAction(url(), who, VERBS.saveSettings, { ...button.data, ...inputValues(card), ...inputs }));
}

/** The text shown right under the input `id` on a card. */
function underInput(card: unknown, id: string): string | undefined {
  const body = ((card as { body?: unknown[] }).body ?? []) as { id?: string; text?: string }[];
  return body[body.findIndex((element) => element.id === id) + 1]?.text;
}

beforeAll(async () => {
  connector = await startFakeConnector();
  service = await startTestService({}, { now: clock.now });
  await send(installedInTeam(url(), PEOPLE.champion));
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

describe("a team's settings", () => {
  let shown: SentActivity;

  it('are for champions only', async () => {
    await send(channelCommand(url(), PEOPLE.practitioner, 'settings'));
    expect(cardText(cardOf(lastSent().activity))).toMatch(/Only the team's practice champions can do that/);
  });

  it('are shown on "settings" as they stand: the defaults until the team changes them', async () => {
    await send(channelCommand(url(), PEOPLE.champion, 'settings'));
    shown = lastSent();
    const card = cardOf(shown.activity);
    expect(cardText(card)).toMatch(/^This team's audit settings\nRounds opened from now on follow them\./);
    expect(inputValues(card)).toEqual({ closeAfterDays: 14, remindHalfway: 'true', remindDaysBefore: 2, cadenceMonths: 'none' });
    expect(executeActions(card).map((a) => a.title)).toEqual(['Save']);
  });

  it.each([
    ['a round open for more than 90 days', { closeAfterDays: '120' }, 'closeAfterDays', 'A round can stay open for 1 to 90 days.'],
    ['a reminder on the close date itself', { remindDaysBefore: '0' }, 'remindDaysBefore', 'A reminder can go 1 to 89 days before the close date.'],
    ['a cadence of 30 months', { cadenceMonths: '30' }, 'cadenceMonths', 'Rounds can repeat every 1 to 24 months.'],
  ])('refuses %s beside the field, keeping what was sent, and saves nothing', async (_case, inputs, field, problem) => {
    const reply = cardOf((await save(PEOPLE.champion, cardOf(shown.activity), inputs)).body);
    expect(underInput(reply, field)).toBe(problem);
    expect(String(inputValues(reply)[field])).toBe(Object.values(inputs)[0]);
    expect(await stored()).toEqual(DEFAULT_TEAM_SETTINGS);
  });

  it('are saved on Save, and the card then shows them as saved', async () => {
    const reply = cardOf((await save(PEOPLE.champion, cardOf(shown.activity), { closeAfterDays: '21', remindHalfway: 'false', remindDaysBefore: '3' })).body);
    expect(cardText(reply)).toMatch(/^Saved\. Rounds opened from now on follow these settings\./);
    expect(inputValues(reply)).toEqual({ closeAfterDays: 21, remindHalfway: 'false', remindDaysBefore: 3, cadenceMonths: 'none' });
    expect(await stored()).toEqual({ closeAfterDays: 21, reminders: [{ kind: 'daysBeforeClose', days: 3 }] });
    // Saved again from the card it answered with (its new version), a reminder turned off.
    const again = cardOf((await save(PEOPLE.champion, reply, { remindDaysBefore: '' })).body);
    expect(cardText(again)).toMatch(/^Saved\./);
    expect(await stored()).toEqual({ closeAfterDays: 21, reminders: [] });
  });

  it('refuses a save from a card shown before another champion saved, showing the settings as they are now', async () => {
    const reply = cardOf((await save(PEOPLE.champion, cardOf(shown.activity), { closeAfterDays: '7' })).body);
    expect(cardText(reply)).toMatch(/^Another practice champion changed this team's settings since this card was shown, so nothing was saved\./);
    expect(inputValues(reply)).toMatchObject({ closeAfterDays: 21 });
    expect((await stored()).closeAfterDays).toBe(21);
  });

  it('are followed by the next round: "start" proposes the team\'s number of days', async () => {
    await send(channelCommand(url(), PEOPLE.champion, 'start'));
    const asked = cardOf(openRoundCardIn(connector.sentActivities())!.activity);
    expect(inputValues(asked)).toEqual({ closesOn: '2026-12-22' });
    expect(cardText(asked)).toContain('Suggested: Tuesday 22 December 2026, 21 days from today');
  });
});
