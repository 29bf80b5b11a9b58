import { ChannelPosts, CLAIM_HOLDS_MS, type ChannelPostSubject } from '../../bot/storage/channelPosts';
import { ensureAuditTables, openAuditTables, type AuditTables } from '../../bot/storage/tables';
import { testConnectionString, uniqueTablePrefix } from '../support/suiteAzurite';

/** Claims on posts in a team's channel (issue 11): each subject posted once, across instances, and never stuck for good. */
const TEAM_ID = '19:north-general@thread.tacv2';
const AT = new Date('2027-03-10T14:00:00.000Z');
let tables: AuditTables;
beforeAll(async () => {
  tables = openAuditTables({ kind: 'connectionString', connectionString: testConnectionString() }, uniqueTablePrefix());
  await ensureAuditTables(tables);
});
const instances = () => [new ChannelPosts(tables.channelPosts), new ChannelPosts(tables.channelPosts)] as const;
let n = 0;
const freshRound = (): ChannelPostSubject => ({ kind: 'youSaidWeDid', roundId: `20270303-163000000Z-${String(++n).padStart(8, '0')}` });

it('lets one of many champions pressing at once, on any instance, claim a post; the others see it being posted, then posted', async () => {
  const [one, other] = instances();
  const subject = freshRound();
  const outcomes = await Promise.all([one.claim(TEAM_ID, subject, 'Amara Okafor', AT), other.claim(TEAM_ID, subject, 'Chloe Singh', AT), one.claim(TEAM_ID, subject, 'Amara Okafor', AT)]);
  const claims = outcomes.filter((o) => o.claimed);
  expect(claims).toHaveLength(1);
  const { claim } = claims[0] as Extract<(typeof outcomes)[number], { claimed: true }>;
  expect(outcomes.filter((o) => !o.claimed)).toEqual([
    { claimed: false, record: { state: 'posting', claimedAt: AT.toISOString(), by: claim.by } },
    { claimed: false, record: { state: 'posting', claimedAt: AT.toISOString(), by: claim.by } },
  ]);
  await one.recordPosted(claim, '2027-03-10T14:00:02.000Z');
  expect(await other.claim(TEAM_ID, subject, 'Chloe Singh', new Date(AT.getTime() + CLAIM_HOLDS_MS * 10))).toEqual({ claimed: false, record: { state: 'posted', postedAt: '2027-03-10T14:00:02.000Z', by: claim.by } });
  expect(await other.read(TEAM_ID, subject)).toEqual({ state: 'posted', postedAt: '2027-03-10T14:00:02.000Z', by: claim.by });
});

it('gives a claim up when Teams refused the post, so it can be claimed again at once', async () => {
  const [one, other] = instances();
  const subject = freshRound();
  const first = await one.claim(TEAM_ID, subject, 'Amara Okafor', AT);
  if (!first.claimed) throw new Error('not claimed');
  await one.release(first.claim);
  expect(await other.read(TEAM_ID, subject)).toBeUndefined();
  expect((await other.claim(TEAM_ID, subject, 'Chloe Singh', AT)).claimed).toBe(true);
});

it("lets a claim left by an instance that stopped mid-send be taken over once it has held CLAIM_HOLDS_MS, not before, and by one only", async () => {
  const [one, other] = instances();
  const subject: ChannelPostSubject = { kind: 'weDid', actionId: 'action/with?odd#chars', doneAt: '2027-03-05T11:00:00.000Z' };
  expect((await one.claim(TEAM_ID, subject, 'Amara Okafor', AT)).claimed).toBe(true);
  expect((await other.claim(TEAM_ID, subject, 'Chloe Singh', new Date(AT.getTime() + CLAIM_HOLDS_MS - 1000))).claimed).toBe(false);
  const later = new Date(AT.getTime() + CLAIM_HOLDS_MS);
  const takeovers = await Promise.all([other.claim(TEAM_ID, subject, 'Chloe Singh', later), one.claim(TEAM_ID, subject, 'Ben Hughes', later)]);
  expect(takeovers.filter((o) => o.claimed)).toHaveLength(1);
  // The same action done again later is a new update.
  expect((await one.claim(TEAM_ID, { ...subject, doneAt: '2027-04-01T09:00:00.000Z' }, 'Amara Okafor', AT)).claimed).toBe(true);
});
