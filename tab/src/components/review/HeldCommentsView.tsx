import { useState } from 'react';
import { MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { ReviewApi } from '../../api/client';
import type { HeldComment } from '../../api/types';
import { HeldCommentItem } from './HeldCommentItem';
import type { HeldComments } from './useHeldComments';

const useStyles = makeStyles({
  intro: { margin: 0, maxWidth: '80ch' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, maxWidth: '60rem' },
});

/**
 * "Comments to review" (issue 12), for the team's practice champions: the comments people sent
 * anyway after being told they looked as if they identified someone or disclosed risk to a child,
 * held from leaders until a champion decides. Nothing about who wrote them is shown (the API sends
 * nothing of it); they are listed by condition, then text.
 */
export function HeldCommentsView({ api, teamId, roundId, held }: { api: ReviewApi; teamId: string; roundId: string; held: HeldComments }) {
  const styles = useStyles();
  // Decisions made here, shown at once, until the next read of the list carries them.
  const [decided, setDecided] = useState<ReadonlyMap<string, HeldComment>>(new Map());
  const comments = (held.data?.comments ?? []).map((comment) => decided.get(comment.reviewId) ?? comment);
  const onDecided = (comment: HeldComment) => {
    setDecided((before) => new Map(before).set(comment.reviewId, comment));
    held.refresh();
  };
  const onReload = () => {
    setDecided(new Map());
    held.refresh();
  };
  return (
    <>
      <p className={styles.intro}>
        These comments looked as if they might identify someone or disclose risk to a child, and were sent anyway. Leaders do not see
        them until you release them. Nothing about who wrote them is shown here. If a comment describes a risk to a child, follow your
        organisation’s safeguarding procedure as well.
      </p>
      {held.loading && !held.data && <Spinner size="small" label="Loading comments to review…" />}
      {held.error && <MessageBar intent="error"><MessageBarBody>{held.error.message}</MessageBarBody></MessageBar>}
      {held.data && comments.length === 0 && <p>No comments are waiting for review in this round.</p>}
      {comments.length > 0 && (
        <ul className={styles.list} aria-label="Comments to review" data-testid="held-comments">
          {comments.map((comment) => (
            <HeldCommentItem key={comment.reviewId} api={api} teamId={teamId} roundId={roundId} comment={comment} onDecided={onDecided} onReload={onReload} />
          ))}
        </ul>
      )}
    </>
  );
}
