import ExcelJS from 'exceljs';
import type { ConditionId } from '../../bot/domain/conditions';
import type { CommentReview } from '../../bot/domain/commentReview';
import { respondentIdFor } from '../../bot/domain/respondent';
import { VERBS } from '../../bot/teams/cards/actions';
import { cardOf, cardText, executeActions } from '../support/cardText';
import { closeRoundNow } from '../support/closeRoundNow';
import { offerYouSaidWeDid } from '../../bot/app/announce/youSaidWeDid';
import type { ClosedRound } from '../../bot/app/closeRound';
import { openDocx } from '../support/docxText';
import { startSignedInTeam, type SignedInTeam } from '../support/signedInTeam';
import { tabCaller } from '../support/tabCalls';
import { cardAction, PEOPLE, person, TEAM, type TestPerson } from '../support/teamsActivities';
import { postToBot, TEST_HMAC_KEY } from '../support/testService';

/**
 * Issue 12: a comment sent anyway after the warning is held from leaders until a practice champion
 * reviews it in the tab, and comments on a condition appear only once COMMENT_THRESHOLD (10) people
 * answered it. What leaders read is checked on every route that could carry a comment: the
 * comments route and the three exports.
 *
 * The hold is written as the safeguarding part stores it (Answer.commentReview, a random reviewId),
 * on answers given through the bot: that part's card flow is tested with it.
 */
const HELD = {
  release: 'Jamie Smith on the Oak estate is not being seen',
  redact: 'Call Sam Jones on 07700 900123 about supervision',
  withhold: 'Aisha Begum in the duty team told me a child was hit at home',
};
const REDACTED = 'Call [removed] about supervision';
/** What the safeguarding check finds in each (bot/domain/safeguarding/findConcerns.ts). */
const FOUND: Record<keyof typeof HELD, string[]> = { release: ['name'], redact: ['name', 'phone'], withhold: ['name', 'harm-to-child'] };
/** Where the champion's copy starts: each identifying part found replaced. */
const SUGGESTED: Record<keyof typeof HELD, string> = {
  release: '[removed] on the Oak estate is not being seen',
  redact: 'Call [removed] on [removed] about supervision',
  withhold: '[removed] in the duty team told me a child was hit at home',
};
const ORDINARY = 'Supervision is rushed';
const staff = Array.from({ length: 12 }, (_, i) => person(`Practitioner ${i}`, 700 + i));

let team: SignedInTeam;
let call: ReturnType<typeof tabCaller>;
let reviewIds: Record<keyof typeof HELD, string>;
const roundPath = (path: string) => `/api/teams/${encodeURIComponent(TEAM.id)}/rounds/${team.roundId}${path}`;

async function answer(who: TestPerson, conditionId: ConditionId, comment: string, sendAnyway = false): Promise<void> {
  const data = { roundId: team.roundId, teamId: TEAM.id, conditionId, via: 'channel', rating: 'partly', level: 'practitioner', comment, ...(sendAnyway ? { sendAnyway } : {}) };
  const reply = await postToBot(team.service, cardAction(team.connector.serviceUrl, who, VERBS.answer, data));
  expect(reply.status).toBe(200);
}

/** `who` sends their C01 comment anyway after the card's warning (the safeguarding flow): it is held. Its review's id. */
async function sendAnyway(who: TestPerson, comment: string): Promise<string> {
  await answer(who, 'C01', comment, true);
  const stored = await team.service.services.answers.find(team.roundId, 'C01', respondentIdFor(who.aadObjectId, TEST_HMAC_KEY));
  const review: CommentReview | undefined = stored?.commentReview;
  if (review?.state !== "held") throw new Error(`expected ${who.name}'s comment to be held`);
  return review.reviewId;
}

/** Everything a leader can read of the round that could carry a comment: the comments route, and each export's text. */
async function whatLeadersRead(): Promise<string> {
  const comments = JSON.stringify((await call(PEOPLE.practitioner, 'GET', roundPath('/conditions/C01/comments'))).body);
  const download = async (format: string) => {
    const token = await team.identity.sign({ oid: PEOPLE.practitioner.aadObjectId, name: PEOPLE.practitioner.name });
    const response = await fetch(`${team.service.url}${roundPath(`/export.${format}`)}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };
  const csv = (await download('csv')).toString('utf8');
  const docx = openDocx(await download('docx')).text;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await download('xlsx')) as unknown as ArrayBuffer);
  const xlsx: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void xlsx.push(cell.text))));
  return [comments, csv, docx, ...xlsx].join('\n');
}

beforeAll(async () => {
  team = await startSignedInTeam({ roster: [PEOPLE.champion, PEOPLE.practitioner, ...staff] });
  call = tabCaller(team.identity, team.service);
  const [releaseBy, redactBy, withholdBy] = staff;
  reviewIds = { release: await sendAnyway(releaseBy!, HELD.release), redact: await sendAnyway(redactBy!, HELD.redact), withhold: await sendAnyway(withholdBy!, HELD.withhold) };
  await answer(staff[3]!, 'C01', ORDINARY);
  for (const who of staff.slice(4)) await answer(who, 'C01', '');
  // C02: nine people, one comment (fewer than COMMENT_THRESHOLD); C03: ten people, one comment.
  for (const [i, who] of staff.slice(0, 9).entries()) await answer(who, 'C02', i === 0 ? 'Only nine of us answered this' : '');
  for (const [i, who] of staff.slice(0, 10).entries()) await answer(who, 'C03', i === 0 ? 'Ten of us answered this' : '');
});
afterAll(async () => team?.stop());

describe('while the round is open', () => {
  it('keeps held comments from champions too: a comment appearing in the list would say when it was given', async () => {
    const reply = await call(PEOPLE.champion, 'GET', roundPath('/held-comments'));
    expect(reply.status).toBe(409);
    expect(reply.body.error?.code).toBe('RESULTS_AT_CLOSE');
  });
});

describe('once the round has closed', () => {
  let closed: ClosedRound;
  beforeAll(async () => {
    const token = await team.identity.sign({ oid: PEOPLE.champion.aadObjectId, name: PEOPLE.champion.name });
    closed = await closeRoundNow(team.service, { authorization: `Bearer ${token}` });
  });

  it("tells each champion at close, in their one-to-one offer, how many comments wait for their review", async () => {
    // What follows every close offers "You said, we did" to each champion (teams/handlers/afterClose.ts).
    expect((await offerYouSaidWeDid(team.service.services, closed)).offered).toBeGreaterThan(0);
    const offers = team.connector.sentActivities().filter((s) => executeActions(cardOf(s.activity)).some((a) => a.verb === VERBS.postYouSaidWeDid));
    expect(offers.length).toBeGreaterThan(0);
    for (const offer of offers) expect(cardText(cardOf(offer.activity))).toContain('3 comments in this round were held back from leaders because they may identify someone or describe harm to a child. Review them in the team');
  });

  it('lists the held comments to a champion by condition then text, with the kinds found and nothing about their authors', async () => {
    const reply = await call(PEOPLE.champion, 'GET', roundPath('/held-comments'));
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      comments: (['withhold', 'redact', 'release'] as const).map((kind) => ({ reviewId: reviewIds[kind], conditionId: 'C01', text: HELD[kind], concerns: FOUND[kind], state: 'held', suggestedCopy: SUGGESTED[kind] })),
    });
    const json = JSON.stringify(reply.body);
    for (const who of staff) expect(json).not.toContain(respondentIdFor(who.aadObjectId, TEST_HMAC_KEY));
    expect(json).not.toMatch(/practitioner|partly|"level"|"rating"|answeredAt|20\d\d-\d\d-\d\d/);
  });

  it('refuses anyone but a champion', async () => {
    expect((await call(PEOPLE.practitioner, 'GET', roundPath('/held-comments'))).body.error?.code).toBe('NOT_A_CHAMPION');
    const decided = await call(PEOPLE.practitioner, 'POST', roundPath(`/held-comments/${reviewIds.release}`), { state: 'released' });
    expect(decided.status).toBe(403);
    expect((await call(PEOPLE.outsider, 'GET', roundPath('/held-comments'))).status).toBe(403);
  });

  it('refuses a decision that is not one, or a removal that leaves nothing or too much', async () => {
    for (const body of [{}, { state: 'published' }, { state: 'redacted' }, { state: 'redacted', text: '   ' }, { state: 'redacted', text: 'x'.repeat(1001) }, { state: 'redacted', text: 'a\u0000b' }]) {
      const reply = await call(PEOPLE.champion, 'POST', roundPath(`/held-comments/${reviewIds.redact}`), body);
      expect({ body, status: reply.status, code: reply.body.error?.code }).toEqual({ body, status: 400, code: 'BAD_REQUEST' });
    }
    expect((await call(PEOPLE.champion, 'POST', roundPath('/held-comments/no-such-review'), { state: 'released' })).status).toBe(404);
  });

  it('refuses a copy "with the identifying part removed" that still holds a part found, naming its kind, and keeps the comment held', async () => {
    // The name removed, the telephone number left (in other case, too, for the name): not removed, so neither leaders nor the log may be told it was.
    for (const text of ['Call [removed] on 07700 900123 about supervision', 'Call SAM JONES on [removed] about supervision']) {
      const reply = await call(PEOPLE.champion, 'POST', roundPath(`/held-comments/${reviewIds.redact}`), { state: 'redacted', text });
      expect({ text, status: reply.status, code: reply.body.error?.code }).toEqual({ text, status: 400, code: 'BAD_REQUEST' });
      expect(reply.body.error?.message).toMatch(/^The copy still includes (a telephone number|a person’s name) found in the comment\. Replace it with \[removed\], or choose Release/);
    }
    const listed = (await call(PEOPLE.champion, 'GET', roundPath('/held-comments'))).body as { comments: { reviewId: string; state: string }[] };
    expect(listed.comments.find((c) => c.reviewId === reviewIds.redact)?.state).toBe('held');
    expect((await team.service.services.activityLog.read(TEAM.id)).entries.filter((e) => e.kind.startsWith('comment-'))).toEqual([]);
  });

  it('shows a held comment to leaders nowhere until a champion releases it, then at once (or the copy with the identifying part removed)', async () => {
    const before = await whatLeadersRead();
    for (const text of Object.values(HELD)) expect(before).not.toContain(text);
    expect(before).toContain(ORDINARY); // the comments route is served, and shows what it may

    const released = await call(PEOPLE.champion, 'POST', roundPath(`/held-comments/${reviewIds.release}`), { state: 'released' });
    expect(released.body).toEqual({ reviewId: reviewIds.release, conditionId: 'C01', text: HELD.release, concerns: FOUND.release, state: 'released', shownText: HELD.release });
    const redacted = await call(PEOPLE.champion, 'POST', roundPath(`/held-comments/${reviewIds.redact}`), { state: 'redacted', text: `  ${REDACTED} ` });
    expect(redacted.body).toMatchObject({ state: 'redacted', shownText: REDACTED });
    const withheld = await call(PEOPLE.champion, 'POST', roundPath(`/held-comments/${reviewIds.withhold}`), { state: 'withheld' });
    expect(withheld.body).toMatchObject({ state: 'withheld', shownText: '' });

    const comments = (await call(PEOPLE.practitioner, 'GET', roundPath('/conditions/C01/comments'))).body as { comments: { text: string; level: string | null; rating: string | null }[] };
    expect(comments.comments.map((c) => c.text).sort()).toEqual([HELD.release, REDACTED, ORDINARY].sort());
    // The champion read these two: shown without their authors' level and rating, and in no level's list.
    for (const reviewed of [HELD.release, REDACTED]) expect(comments.comments.find((c) => c.text === reviewed)).toMatchObject({ level: null, rating: null });
    const practitioners = (await call(PEOPLE.practitioner, 'GET', roundPath('/conditions/C01/comments?level=practitioner'))).body as { comments: { text: string }[] };
    expect(practitioners.comments.map((c) => c.text)).toEqual([ORDINARY]);
    const after = await whatLeadersRead();
    expect(after).not.toContain(HELD.redact);
    expect(after).not.toContain(HELD.withhold);

    // The team's activity log records each decision, naming the champion and never the comment.
    const logged = (await team.service.services.activityLog.read(TEAM.id)).entries.filter((e) => e.kind.startsWith('comment-'));
    expect(logged.map((e) => [e.kind, e.actor.kind === 'person' ? e.actor.name : e.actor.kind])).toEqual([
      ['comment-released', PEOPLE.champion.name],
      ['comment-redacted', PEOPLE.champion.name],
      ['comment-withheld', PEOPLE.champion.name],
    ]);
    for (const text of Object.values(HELD)) expect(JSON.stringify(logged)).not.toContain(text);
  });

  it('takes one decision per comment: a second is refused (409) and changes nothing', async () => {
    const again = await call(PEOPLE.champion, 'POST', roundPath(`/held-comments/${reviewIds.withhold}`), { state: 'released' });
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('REVIEW_DECIDED');
    expect(JSON.stringify((await call(PEOPLE.practitioner, 'GET', roundPath('/conditions/C01/comments'))).body)).not.toContain(HELD.withhold);
    const listed = (await call(PEOPLE.champion, 'GET', roundPath('/held-comments'))).body as { comments: { state: string }[] };
    expect(listed.comments.map((c) => c.state)).toEqual(['withheld', 'redacted', 'released']);
  });

  it('shows a condition’s comments only once at least 10 people answered it, and says so', async () => {
    const nine = await call(PEOPLE.practitioner, 'GET', roundPath('/conditions/C02/comments'));
    expect(nine.body).toEqual({ shown: false, commentThreshold: 10, comments: [] });
    const ten = await call(PEOPLE.practitioner, 'GET', roundPath('/conditions/C03/comments'));
    expect(ten.body).toEqual({ shown: true, commentThreshold: 10, comments: [{ text: 'Ten of us answered this', rating: 'partly', level: 'practitioner' }] });
  });
});
