import type { CommentReview } from '../../../bot/domain/commentReview';
import { reviewOfComment } from '../../../bot/domain/safeguarding/commentHold';

/** Issue 12: which review a submitted comment is stored with, and when it is refused. */
const FLAGGED = 'Ring Mrs Patel on 07700 900123';
const released: CommentReview = { state: 'released', reviewId: 'r-1', concerns: ['name', 'phone'] };
const noStoredAnswer = async () => undefined;

describe('the review a comment is stored with', () => {
  it('is none for an ordinary comment, without reading the stored answer', async () => {
    const read = jest.fn(noStoredAnswer);
    expect(await reviewOfComment('Supervision is often cancelled', false, read)).toBeUndefined();
    expect(await reviewOfComment('', false, read)).toBeUndefined();
    expect(read).not.toHaveBeenCalled();
  });

  it('refuses a comment with concerns unless sent anyway, then holds it with a new review id and the kinds found', async () => {
    await expect(reviewOfComment(FLAGGED, false, noStoredAnswer)).rejects.toMatchObject({ code: 'COMMENT_MAY_IDENTIFY' });
    expect(await reviewOfComment(FLAGGED, true, noStoredAnswer, () => 'new-id')).toEqual({ state: 'held', reviewId: 'new-id', concerns: ['name', 'phone'] });
  });

  it('keeps the stored review, whatever a champion decided, for the same text, without asking again', async () => {
    expect(await reviewOfComment(FLAGGED, false, async () => ({ comment: FLAGGED, commentReview: released }))).toBe(released);
  });

  it('checks a new text afresh, even where the answer had a review', async () => {
    await expect(reviewOfComment('Olivia Brown has waited a year', false, async () => ({ comment: FLAGGED, commentReview: released }))).rejects.toMatchObject({ code: 'COMMENT_MAY_IDENTIFY' });
    expect(await reviewOfComment('Olivia Brown has waited a year', true, async () => ({ comment: FLAGGED, commentReview: released }), () => 'n')).toEqual({ state: 'held', reviewId: 'n', concerns: ['name'] });
  });
});
