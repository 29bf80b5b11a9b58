import type { Activity } from 'botbuilder';
import { mentionsIn } from '../../bot/teams/botbuilder/turn';
import { parseCommand as parseWithMentions } from '../../bot/teams/commands';
import { BOT } from '../support/teamsActivities';

/**
 * Messages as Teams clients send them: the words, and the mention entities beside them. Newer
 * clients split one mention into one `<at>` per word of the name, each entity with the same id.
 */
const SAM = { id: '29:user-sam', name: 'Sam Patel' };
const mention = (who: { id: string }, piece: string) => ({ type: 'mention', text: `<at>${piece}</at>`, mentioned: { id: who.id, name: piece } });
const message = (text: string, entities: unknown[] = []) => ({ type: 'message', text, entities, recipient: BOT }) as unknown as Activity;
/** As a turn reads it: the mentions as the port gives them (botbuilder reading the entities). */
const parseCommand = (activity: Activity) => parseWithMentions(activity, mentionsIn(activity));

describe('reading a command', () => {
  it('reads "champions add <at>Sam</at> <at>Patel</at>" as one person, Sam Patel', () => {
    const command = parseCommand(message('<at>Practice Audit</at> champions add <at>Sam</at> <at>Patel</at>', [
      mention(BOT, 'Practice Audit'), mention(SAM, 'Sam'), mention(SAM, 'Patel'),
    ]));
    expect(command).toEqual({ name: 'champions', action: 'add', mentioned: [{ id: SAM.id, name: 'Sam Patel' }], text: 'champions add' });
  });

  it("strips the bot's own mention when it is split too, and never counts the bot as a person", () => {
    const command = parseCommand(message('<at>Practice</at> <at>Audit</at> champions remove <at>Sam</at> <at>Patel</at>', [
      mention(BOT, 'Practice'), mention(BOT, 'Audit'), mention(SAM, 'Sam'), mention(SAM, 'Patel'),
    ]));
    expect(command).toMatchObject({ name: 'champions', action: 'remove', mentioned: [{ id: SAM.id, name: 'Sam Patel' }] });
  });

  it('strips a split mention whose pieces come without <at> tags', () => {
    const plain = (who: { id: string }, piece: string) => ({ type: 'mention', text: piece, mentioned: { id: who.id, name: piece } });
    expect(parseCommand(message('Practice Audit status', [plain(BOT, 'Practice'), plain(BOT, 'Audit')]))).toMatchObject({ name: 'status', text: 'status' });
  });

  it('names a person once when a client repeats the whole name on every piece', () => {
    const whole = (piece: string) => ({ type: 'mention', text: `<at>${piece}</at>`, mentioned: { id: SAM.id, name: 'Sam Patel' } });
    expect(parseCommand(message('<at>Practice Audit</at> champions add <at>Sam</at> <at>Patel</at>', [mention(BOT, 'Practice Audit'), whole('Sam'), whole('Patel')])).mentioned)
      .toEqual([{ id: SAM.id, name: 'Sam Patel' }]);
  });

  it.each([
    ['@Practice Audit start', 'start'],
    ['@practice audit status', 'status'],
    ['@Practice Audit, close', 'close'],
    ['start', 'start'],
    ['status', 'status'],
    ['extend to 20 December', 'extend'],
    ['@Practice Audit settings', 'settings'],
  ])('runs "%s", typed without a mention entity, as %s', (text, name) => {
    expect(parseCommand(message(text)).name).toBe(name);
  });

  it('keeps what was written, mentions taken out, for "I didn\'t understand"', () => {
    expect(parseCommand(message('<at>Practice Audit</at> Xyz&nbsp;please', [mention(BOT, 'Practice Audit')]))).toMatchObject({ name: 'unknown', text: 'Xyz please' });
    expect(parseCommand(message('@Practice Auditors meeting'))).toMatchObject({ name: 'unknown', text: '@Practice Auditors meeting' });
  });
});

describe('reading the reminder commands', () => {
  it('reads "remind" and "stop reminders" (or "stop reminding")', () => {
    expect(parseCommand(message('<at>Practice Audit</at> remind', [mention(BOT, 'Practice Audit')]))).toMatchObject({ name: 'remind' });
    expect(parseCommand(message('stop reminders'))).toMatchObject({ name: 'stopReminders' });
    expect(parseCommand(message('Stop reminding me'))).toMatchObject({ name: 'stopReminders' });
    expect(parseCommand(message('stop'))).toMatchObject({ name: 'unknown' });
  });
});

describe("reading the commands for a person's own data", () => {
  it('reads "delete my answers" (or "erase my answers") and "my data", and not "my answers" inside them', () => {
    expect(parseCommand(message('delete my answers'))).toMatchObject({ name: 'deleteMyAnswers' });
    expect(parseCommand(message('Erase my answer'))).toMatchObject({ name: 'deleteMyAnswers' });
    expect(parseCommand(message('My data please'))).toMatchObject({ name: 'myData' });
    expect(parseCommand(message('my answers'))).toMatchObject({ name: 'myAnswers' });
    expect(parseCommand(message('delete'))).toMatchObject({ name: 'unknown' });
  });
});
