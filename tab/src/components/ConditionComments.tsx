import { useCallback, useId, useState } from 'react';
import { Field, MessageBar, MessageBarBody, Select, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ConditionId } from '@domain/conditions';
import { LEVELS, isLevelId, levelLabel, type LevelId } from '@domain/levels';
import { ratingLabel } from '@domain/ratings';
import type { ConditionSummary } from '@domain/summary/roundSummary';
import type { Api } from '../api/client';
import { usePolling } from '../hooks/usePolling';
import { usePickerStyles } from './pickerStyles';

const COMMENTS_POLL_MS = 30_000;

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  comment: {
    backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, boxShadow: tokens.shadow2,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  text: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  meta: { margin: `${tokens.spacingVerticalXS} 0 0`, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  filter: { maxWidth: '320px' },
});

/** Levels a reader may filter by: those shown for this condition, with answers and their ratings shown (commentsFor's rule). */
function filterableLevels(condition: ConditionSummary): LevelId[] {
  return LEVELS.map((level) => level.id).filter((id) => {
    const cell = condition.byLevel[id];
    return cell.shown && cell.answers > 0 && cell.distribution !== null;
  });
}

/**
 * What people said about one condition, as plain text (never markup), with its rating and shown
 * level; or why there are none to read yet (fewer than COMMENT_THRESHOLD people answered it).
 */
export function ConditionComments({ api, teamId, roundId, condition }: { api: Api; teamId: string; roundId: string; condition: ConditionSummary }) {
  const styles = useStyles();
  const picker = usePickerStyles();
  const listId = useId();
  const [level, setLevel] = useState<LevelId | ''>('');
  const levels = filterableLevels(condition);
  const filter = level && levels.includes(level) ? level : undefined;
  const conditionId: ConditionId = condition.conditionId;
  const load = useCallback((signal: AbortSignal) => api.comments(teamId, roundId, conditionId, filter, signal), [api, teamId, roundId, conditionId, filter]);
  const { data: reply, error, loading } = usePolling(load, COMMENTS_POLL_MS);
  const comments = reply?.shown ? reply.comments : undefined;
  // Too few people answered the condition for its comments to be anonymous (COMMENT_THRESHOLD): say so, offer no filter.
  if (reply && !reply.shown) {
    return <p data-testid="comments-not-shown">Comments appear once at least {reply.commentThreshold} people have answered this condition.</p>;
  }
  return (
    <>
      <Field label="Comments from" className={mergeClasses(picker.field, styles.filter)}>
        <Select className={picker.select} data-testid="comment-level" value={filter ?? ''} onChange={(_event, data) => setLevel(isLevelId(data.value) ? data.value : '')}>
          <option value="">All levels</option>
          {levels.map((id) => <option key={id} value={id}>{levelLabel(id)}</option>)}
        </Select>
      </Field>
      {loading && !reply && <Spinner size="small" label="Loading comments…" />}
      {error && <MessageBar intent="error"><MessageBarBody>{error.message}</MessageBarBody></MessageBar>}
      {comments && comments.length === 0 && <p>No comments{filter ? ` from ${levelLabel(filter)}` : ''} on this condition.</p>}
      {comments && comments.length > 0 && (
        <ul className={styles.list} id={listId} data-testid="comments" aria-label="Comments">
          {comments.map((comment, i) => (
            <li key={`${i}\n${comment.text}`} className={styles.comment} data-testid="comment">
              <p className={styles.text} data-part="text">{comment.text}</p>
              <p className={styles.meta} data-part="meta">
                {comment.rating ? ratingLabel(comment.rating) : 'Rating not shown: too few ratings'}{comment.level ? ` · ${levelLabel(comment.level)}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
