import ExcelJS from 'exceljs';
import type { ConditionId } from '../../bot/domain/conditions';
import type { CommentReview } from '../../bot/domain/commentReview';
import { respondentIdFor } from '../../bot/domain/respondent';
import { VERBS } from '../../bot/teams/cards/actions';
import { closeRoundNow } from '../support/closeRoundNow';
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
  withhold: 'Priya in the duty team told me about a child at risk',
};
const REDACTED = 'Call [removed] about supervision';
const ORDINARY = 'Supervision is rushed';
const staff = Array.from({ length: 12 }, (_, i) => person(`Practitioner ${i}`, 700 + i));

let team: SignedInTeam;
let call: ReturnType<typeof tabCaller>;
let reviewIds: Record<keyof typeof HELD, string>;
const roundPath = (path: string) => `/api/teams/${encodeURIComponent(TEAM.id)}/rounds/${team.roundId}${path}`;

async function answer(who: TestPerson, conditionId: ConditionId, comment: string): Promise<void> {
  const reply = await postToBot(team.service, cardAction(team.connector.serviceUrl, who, VERBS.answer, { roundId: team.roundId, teamId: TEAM.id, conditionId, via: 'channel', rating: 'partly', level: 'practitioner', comment }));
  expect(reply.status).toBe(200);
}

/** Holds the comment `who` gave C01, as the safeguarding flow stores a comment sent anyway. */
async function hold(who: TestPerson, reviewId: string): Promise<void> {
  const { answers } = team.service.services;
  const stored = (await answers.find(team.roundId, 'C01', respondentIdFor(who.aadObjectId, TEST_HMAC_KEY)))!;
  const { etag: _etag, sentAt: _sentAt, ...given } = stored;
  const review: CommentReview = { state: 'held', reviewId, concerns: ['name', 'phone'] };
  await answers.record({ ...given, commentReview: review });
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
  await answer(releaseBy!, 'C01', HELD.release);
  await answer(redactBy!, 'C01', HELD.redact);
  await answer(withholdBy!, 'C01', HELD.withhold);
  await answer(staff[3]!, 'C01', ORDINARY);
  for (const who of staff.slice(4)) await answer(who, 'C01', '');
  // C02: nine people, one comment (fewer than COMMENT_THRESHOLD); C03: ten people, one comment.
  for (const [i, who] of staff.slice(0, 9).entries()) await answer(who, 'C02', i === 0 ? 'Only nine of us answered this' : '');
  for (const [i, who] of staff.slice(0, 10).entries()) await answer(who, 'C03', i === 0 ? 'Ten of us answered this' : '');
  reviewIds = { release: crypto.randomUUID(), redact: crypto.randomUUID(), withhold: crypto.randomUUID() };
  await hold(releaseBy!, reviewIds.release);
  await hold(redactBy!, reviewIds.redact);
  await hold(withholdBy!, reviewIds.withhold);
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
  beforeAll(async () => {
    const token = await team.identity.sign({ oid: PEOPLE.champion.aadObjectId, name: PEOPLE.champion.name });
    await closeRoundNow(team.service, { authorization: `Bearer ${token}` });
  });

  it('lists the held comments to a champion by condition then text, with the kinds found and nothing about their authors', async () => {
    const reply = await call(PEOPLE.champion, 'GET', roundPath('/held-comments'));
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      comments: [HELD.redact, HELD.release, HELD.withhold].map((text) => ({
        reviewId: reviewIds[(Object.keys(HELD) as (keyof typeof HELD)[]).find((k) => HELD[k] === text)!],
        conditionId: 'C01', text, concerns: ['name', 'phone'], state: 'held',
      })),
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

  it('shows a held comment to leaders nowhere until a champion releases it, then at once (or the copy with the identifying part removed)', async () => {
    const before = await whatLeadersRead();
    for (const text of Object.values(HELD)) expect(before).not.toContain(text);
    expect(before).toContain(ORDINARY); // the comments route is served, and shows what it may

    const released = await call(PEOPLE.champion, 'POST', roundPath(`/held-comments/${reviewIds.release}`), { state: 'released' });
    expect(released.body).toEqual({ reviewId: reviewIds.release, conditionId: 'C01', text: HELD.release, concerns: ['name', 'phone'], state: 'released', shownText: HELD.release });
    const redacted = await call(PEOPLE.champion, 'POST', roundPath(`/held-comments/${reviewIds.redact}`), { state: 'redacted', text: `  ${REDACTED} ` });
    expect(redacted.body).toMatchObject({ state: 'redacted', shownText: REDACTED });
    const withheld = await call(PEOPLE.champion, 'POST', roundPath(`/held-comments/${reviewIds.withhold}`), { state: 'withheld' });
    expect(withheld.body).toMatchObject({ state: 'withheld', shownText: '' });

    const comments = (await call(PEOPLE.practitioner, 'GET', roundPath('/conditions/C01/comments'))).body as { comments: { text: string }[] };
    expect(comments.comments.map((c) => c.text).sort()).toEqual([HELD.release, REDACTED, ORDINARY].sort());
    const after = await whatLeadersRead();
    expect(after).not.toContain(HELD.redact);
    expect(after).not.toContain(HELD.withhold);
  });

  it('takes one decision per comment: a second is refused (409) and changes nothing', async () => {
    const again = await call(PEOPLE.champion, 'POST', roundPath(`/held-comments/${reviewIds.withhold}`), { state: 'released' });
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('REVIEW_DECIDED');
    expect(JSON.stringify((await call(PEOPLE.practitioner, 'GET', roundPath('/conditions/C01/comments'))).body)).not.toContain(HELD.withhold);
    const listed = (await call(PEOPLE.champion, 'GET', roundPath('/held-comments'))).body as { comments: { state: string }[] };
    expect(listed.comments.map((c) => c.state)).toEqual(['redacted', 'released', 'withheld']);
  });

  it('shows a condition’s comments only once at least 10 people answered it, and says so', async () => {
    const nine = await call(PEOPLE.practitioner, 'GET', roundPath('/conditions/C02/comments'));
    expect(nine.body).toEqual({ shown: false, commentThreshold: 10, comments: [] });
    const ten = await call(PEOPLE.practitioner, 'GET', roundPath('/conditions/C03/comments'));
    expect(ten.body).toEqual({ shown: true, commentThreshold: 10, comments: [{ text: 'Ten of us answered this', rating: 'partly', level: 'practitioner' }] });
  });
});
