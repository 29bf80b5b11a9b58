import { VERBS } from '../../../bot/teams/cards/actions';
import { weDidCard, youSaidWeDidCard, youSaidWeDidOfferCard } from '../../../bot/teams/cards';
import { weDidFacts } from '../../../bot/domain/weDid';
import { actionsOf, byteSize, HOSTILE_TEXT, markdownTexts, visibleText } from './cardKit';
import { DONE_ACTION, LARGEST_PLAN, youSaidWeDidFixture } from './youSaidWeDidFixtures';

const ids = { teamId: '19:team@thread.tacv2', roundId: '20270303-163000000Z-abc123' };

describe('the "You said, we did" card in the channel', () => {
  it('reads as the card: participation, highest and lowest, where levels disagree, and the actions with owner, due date and status', () => {
    expect(visibleText(youSaidWeDidCard(youSaidWeDidFixture())).split('\n')).toEqual([
      'You said, we did: audit round 3',
      '37 of 52 members (71%) took part in audit round 3, which closed on 3 March 2027.',
      'Rated highest',
      '6. Practitioners access effective supervision, including group case discussions, clinical expertise and consultancy (2.4 of 3)',
      'Rated lowest (2 share the score)',
      '10. Attention is paid to the details of systems such as IT and electronic recording (0.9 of 3)',
      '11. There is good use of data to inform decision-making at all levels (0.9 of 3)',
      'Where levels disagree most',
      '3. There is clear communication of a model of good practice',
      'Senior leaders 2.6, practitioners 1.2: a gap of 1.4',
      'What we are doing: the plan as it stands on 10 March 2027',
      '10. Replace the assessment form with one that fits the practice model',
      'Owner: Head of service · Due 30 June 2027 · In progress',
      expect.stringMatching(/^Figures for any group of fewer than 5 people are never shown/),
    ]);
  });

  it('keeps the largest plan within a Teams card: ten actions, each cut, the rest counted', () => {
    const card = youSaidWeDidCard(youSaidWeDidFixture({ actions: LARGEST_PLAN }));
    expect(byteSize(card)).toBeLessThan(24 * 1024);
    expect(visibleText(card)).toContain('And 20 more actions: the whole plan is in the Practice audit tab.');
    expect(visibleText(card)).toContain(`5. ${'€'.repeat(299)}…`);
  });

  it('keeps the largest plan within a Teams card in any script: a need cut by its size as well as its characters', () => {
    // One character as people count them can be many bytes: a family emoji is 11 UTF-16 units
    // (25 bytes of UTF-8), an accented letter may carry a run of combining marks. Ten needs of
    // 2,000 units each, none longer than 300 such characters, would otherwise go whole.
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}';
    const marked = `a${'\u0301'.repeat(1999)}`;
    for (const need of [family.repeat(181), marked]) {
      const actions = LARGEST_PLAN.map((action) => ({ ...action, need, owner: marked.slice(0, 200) }));
      const facts = youSaidWeDidFixture({ actions, teamName: '€'.repeat(256) });
      expect(byteSize(youSaidWeDidCard(facts))).toBeLessThan(24 * 1024);
      expect(byteSize(youSaidWeDidOfferCard({ ...ids, facts, state: { kind: 'notPosted', problem: 'Teams did not accept the card.' } }))).toBeLessThan(26 * 1024);
      // Cut between characters, never inside one, and said to be cut.
      const shown = visibleText(youSaidWeDidCard(facts)).split('\n').find((line) => line.startsWith('5. '))!;
      expect(shown.endsWith('…')).toBe(true);
      expect(need.startsWith(shown.slice(3, -1))).toBe(true);
      expect(shown.slice(3, -1).length % (need === marked ? 1 : family.length)).toBe(0);
    }
  });

  it("shows champions' words as plain text, never as markdown", () => {
    const card = youSaidWeDidCard(youSaidWeDidFixture({ actions: [{ ...LARGEST_PLAN[0]!, need: HOSTILE_TEXT, owner: HOSTILE_TEXT }] }));
    expect(visibleText(card)).toContain(`5. ${HOSTILE_TEXT}`);
    expect(markdownTexts(card).join('\n')).not.toContain('<script>');
  });
});

describe("a champion's one-to-one offer", () => {
  const facts = youSaidWeDidFixture();

  it('previews the card and offers "Post in the channel" for this round', () => {
    const card = youSaidWeDidOfferCard({ ...ids, facts, state: { kind: 'offered' } });
    expect(visibleText(card)).toMatch(/^Tell your team what came of audit round 3\nChildren's Services – North's audit round 3 has closed\. .*Nothing is posted until you press "Post in the channel"/);
    expect(visibleText(card)).toContain('37 of 52 members (71%) took part in audit round 3');
    expect(actionsOf(card)).toEqual([expect.objectContaining({ type: 'Action.Execute', title: 'Post in the channel', verb: VERBS.postYouSaidWeDid, data: ids })]);
  });

  it('asks champions to review the held comments first, when there are any', () => {
    expect(visibleText(youSaidWeDidOfferCard({ ...ids, facts, state: { kind: 'offered' }, heldComments: 1 }))).toContain('1 comment in this round was held back from leaders because it may identify someone');
    expect(visibleText(youSaidWeDidOfferCard({ ...ids, facts, state: { kind: 'offered' } }))).not.toContain('held back');
  });

  it('says when it was posted, and by whom, with no button left', () => {
    const card = youSaidWeDidOfferCard({ ...ids, facts, state: { kind: 'posted', postedAt: '2027-03-10T14:05:00.000Z', by: 'Amara Okafor' } });
    expect(visibleText(card)).toContain('Posted in the channel on 10 March 2027 at 14:05 by Amara Okafor.');
    expect(actionsOf(card)).toEqual([]);
    expect(actionsOf(youSaidWeDidOfferCard({ ...ids, facts, state: { kind: 'posting' } }))).toEqual([]);
  });

  it('says truthfully that it was not posted, and why, keeping the button to try again', () => {
    const card = youSaidWeDidOfferCard({ ...ids, facts, state: { kind: 'notPosted', problem: 'Teams did not accept the card, so it was not posted in the channel.' } });
    expect(visibleText(card)).toContain('Not posted: Teams did not accept the card, so it was not posted in the channel.');
    expect(visibleText(card)).not.toMatch(/Posted in the channel on/);
    expect(actionsOf(card).map((a) => a.title)).toEqual(['Post in the channel']);
  });
});

describe('the "We did" card of a done action', () => {
  it('names the condition, what was done, and its latest progress note', () => {
    expect(visibleText(weDidCard(weDidFacts(DONE_ACTION))).split('\n')).toEqual([
      'We did: condition 3',
      'There is clear communication of a model of good practice',
      'What was done',
      'A one-page summary of the practice model for every team',
      'Done on 5 March 2027 · Owner: Head of practice',
      'Latest progress, 1 March 2027',
      'Sent to every team and read at each team meeting',
      "The whole plan is in the channel's Practice audit tab.",
    ]);
  });

  it('leaves the progress out when the action has no note', () => {
    expect(visibleText(weDidCard(weDidFacts({ ...DONE_ACTION, notes: [] })))).not.toContain('Latest progress');
  });
});
