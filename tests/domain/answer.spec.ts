import { commentWithinLimit, MAX_COMMENT_LENGTH, normaliseComment, validateAnswerChoice } from '../../bot/domain/answer';
import { refusalOf } from '../support/refusal';

const refusal = refusalOf;

describe('validating an answer', () => {
  it('accepts a rating, a level and a comment', () => {
    expect(validateAnswerChoice({ rating: 'mostly', level: 'practitioner', comment: '  Supervision is regular.  ' }, undefined))
      .toEqual({ rating: 'mostly', level: 'practitioner', comment: 'Supervision is regular.' });
  });

  it("counts \"don't know\" as an answer", () => {
    expect(validateAnswerChoice({ rating: 'dont-know', level: 'volunteer' }, undefined).rating).toBe('dont-know');
  });

  it('falls back to the level the person gave the team before', () => {
    expect(validateAnswerChoice({ rating: 'fully', level: '' }, { remembered: 'senior-leader' }).level).toBe('senior-leader');
  });

  it('takes a newly given level over the remembered one', () => {
    expect(validateAnswerChoice({ rating: 'fully', level: 'supervisor' }, { remembered: 'practitioner' }).level).toBe('supervisor');
  });

  it('asks for a rating when none was chosen', () => {
    expect(refusal(() => validateAnswerChoice({ level: 'practitioner' }, undefined)).code).toBe('RATING_REQUIRED');
  });

  it('asks for a level from someone who never gave one', () => {
    expect(refusal(() => validateAnswerChoice({ rating: 'partly' }, undefined)).code).toBe('LEVEL_REQUIRED');
  });

  it('refuses ratings and levels that are not on the lists', () => {
    expect(refusal(() => validateAnswerChoice({ rating: 'brilliant', level: 'practitioner' }, undefined)).code).toBe('INVALID_ANSWER');
    expect(refusal(() => validateAnswerChoice({ rating: 'partly', level: 'chief-executive' }, undefined)).code).toBe('INVALID_ANSWER');
    expect(refusal(() => validateAnswerChoice({ rating: 'partly', level: 'practitioner', comment: { html: 1 } }, undefined)).code).toBe('INVALID_ANSWER');
  });

  it('accepts a comment of exactly the limit and explains one over it', () => {
    const atLimit = 'a'.repeat(MAX_COMMENT_LENGTH);
    expect(validateAnswerChoice({ rating: 'partly', level: 'practitioner', comment: atLimit }, undefined).comment).toHaveLength(MAX_COMMENT_LENGTH);
    const over = refusal(() => validateAnswerChoice({ rating: 'partly', level: 'practitioner', comment: 'a'.repeat(1234) }, undefined));
    expect(over.code).toBe('COMMENT_TOO_LONG');
    expect(over.message).toContain('1,234 characters; the limit is 1,000');
  });

  it('keeps new lines but drops other control characters from comments', () => {
    expect(normaliseComment('line one\r\nline two\u0000\u0007\ttabbed')).toBe('line one\nline twotabbed');
  });
});

describe('a comment sent back in a card', () => {
  it('keeps what was typed up to the limit, never half a character, and can then be submitted as shown', () => {
    expect(commentWithinLimit('Short and clear.')).toEqual({ comment: 'Short and clear.', cut: false });
    const typed = `${'a'.repeat(MAX_COMMENT_LENGTH - 1)}😀 and more`;
    const { comment, cut } = commentWithinLimit(typed);
    expect(cut).toBe(true);
    expect(comment).toBe('a'.repeat(MAX_COMMENT_LENGTH - 1));
    expect(validateAnswerChoice({ rating: 'partly', level: 'practitioner', comment: commentWithinLimit('x'.repeat(100_000)).comment }).comment).toHaveLength(MAX_COMMENT_LENGTH);
  });
});
