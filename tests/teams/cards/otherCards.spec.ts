import { VERBS, answerInChatActionData, startRoundActionData } from '../../../bot/teams/cards/actions';
import { chatAllDoneCard, chatRoundChoiceCard, helpCard, noticeCard, welcomeCard } from '../../../bot/teams/cards';
import { actionsOf, ofType, visibleText } from './cardKit';

describe('welcome card', () => {
  it('explains the audit, names the first champion and offers to start a round', () => {
    const card = welcomeCard({ teamId: '19:abc', teamName: 'Family Help North', installedByName: 'Priya Shah' });
    const text = visibleText(card);
    expect(text).toContain('twelve conditions which promote good practice');
    expect(text).toContain("Children's Social Care Innovation Programme");
    expect(text).toMatch(/every level.*anonymous/s);
    expect(text).toContain("Priya Shah, who added Practice Audit, is this team's first practice champion.");
    // Typed as plain text, "@Practice Audit" is no mention: the card says how to make one.
    expect(text).toContain('type @ and pick Practice Audit from the list');
    const [start] = actionsOf(card);
    expect(start).toMatchObject({ type: 'Action.Execute', title: 'Start an audit round', verb: VERBS.startRound, data: { teamId: '19:abc' } });
    expect(startRoundActionData.safeParse(start?.data).success).toBe(true);
  });

  it('still explains who the first champion is when the installer is not known', () => {
    expect(visibleText(welcomeCard({ teamId: 't' }))).toContain("The person who added Practice Audit is this team's first practice champion.");
  });
});

describe('help card', () => {
  const commands = (card: ReturnType<typeof helpCard>) =>
    ofType(card, 'FactSet').flatMap((set) => (set.facts as { title: string }[]).map((fact) => fact.title));

  it('lists every command to a champion in a team', () => {
    expect(commands(helpCard({ isChampion: true, scope: 'team', champions: ['Priya'] }))).toEqual([
      'help', 'audit', 'my answers', 'delete my answers', 'my data', 'stop reminders', 'start', 'status', 'close', 'extend', 'settings', 'remind', 'repost', 'champions', 'champions add @person', 'champions remove @person',
    ]);
  });

  it('does not offer champion commands to others, and names the champions', () => {
    const card = helpCard({ isChampion: false, scope: 'team', champions: ['Priya Shah', 'Tom Jones'] });
    expect(commands(card)).toEqual(['help', 'audit', 'my answers', 'delete my answers', 'my data', 'stop reminders']);
    expect(visibleText(card)).toContain("This team's practice champions: Priya Shah, Tom Jones.");
  });

  it('says when a team has no champions', () => {
    expect(visibleText(helpCard({ isChampion: false, scope: 'team', champions: [] }))).toContain('no practice champions yet');
  });

  it('in a personal chat, lists the commands that work there', () => {
    const card = helpCard({ isChampion: true, scope: 'personal', champions: [] });
    expect(commands(card)).toEqual(['help', 'audit', 'my answers', 'delete my answers', 'my data', 'stop reminders']);
    expect(visibleText(card)).toMatch(/team channel/);
  });
});

describe('notice card', () => {
  it.each([
    ['attention', 'attention'],
    ['good', 'good'],
    [undefined, 'default'],
  ] as const)('tone %s colours the notice', (tone, style) => {
    const card = noticeCard({ title: 'Round closed', text: 'This audit round is closed.', ...(tone ? { tone } : {}) });
    expect(ofType(card, 'Container')[0]?.style).toBe(style);
    expect(visibleText(card)).toBe('Round closed\nThis audit round is closed.');
  });
});

describe('chat cards', () => {
  it('offers one button per open round, each answering that round', () => {
    const card = chatRoundChoiceCard({
      rounds: [
        { teamId: 't1', teamName: 'North', roundId: 'r1', roundNumber: 2, remaining: 12 },
        { teamId: 't2', teamName: 'South', roundId: 'r2', roundNumber: 5, remaining: 1 },
      ],
    });
    const buttons = actionsOf(card);
    expect(buttons.map((b) => b.title)).toEqual(['Answer for North (12 to go)', 'Answer for South (1 to go)']);
    expect(buttons.map((b) => b.verb)).toEqual([VERBS.answerInChat, VERBS.answerInChat]);
    expect(buttons.map((b) => b.data)).toEqual([{ teamId: 't1', roundId: 'r1' }, { teamId: 't2', roundId: 'r2' }]);
    for (const button of buttons) expect(answerInChatActionData.safeParse(button.data).success).toBe(true);
  });

  it('thanks the person when every condition is answered', () => {
    const text = visibleText(chatAllDoneCard({ teamName: 'North', roundNumber: 2 }));
    expect(text).toContain("You've answered every condition for North's round 2. Thank you.");
    expect(text).toMatch(/change .* until the round closes/);
  });
});
