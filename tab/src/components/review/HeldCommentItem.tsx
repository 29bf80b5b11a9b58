import { useId, useState } from 'react';
import { Button, Field, MessageBar, MessageBarActions, MessageBarBody, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { MAX_COMMENT_LENGTH } from '@domain/answer';
import { findCondition } from '@domain/conditions';
import { CONCERN_KINDS } from '@domain/safeguarding/concernKinds';
import type { ReviewApi } from '../../api/client';
import { ApiError } from '../../api/request';
import type { CommentDecision, HeldComment } from '../../api/types';

const useStyles = makeStyles({
  item: {
    display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, boxShadow: tokens.shadow2,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
  },
  condition: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  text: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`, paddingLeft: tokens.spacingHorizontalM },
  found: { margin: 0 },
  outcome: { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** "a person’s name and a telephone number": the kinds found, in the words the person was shown. */
function foundWords(comment: HeldComment): string {
  const words = comment.concerns.map((kind) => CONCERN_KINDS[kind]);
  if (words.length === 0) return 'something that may identify someone';
  return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** Where the champion's copy starts: the server's copy with each identifying part found replaced by "[removed]" (domain/safeguarding/findConcerns.ts). */
const startingCopy = (comment: HeldComment): string => comment.suggestedCopy ?? comment.text;

function outcomeText(comment: HeldComment): string {
  if (comment.state === 'released') return 'Released: leaders read it as written.';
  if (comment.state === 'withheld') return 'Withheld: leaders will not see it.';
  return `Released with the identifying part removed. Leaders read: “${comment.shownText ?? ''}”`;
}

/**
 * One held comment: its condition, its text, the kinds of concern found, and the champion's three
 * ways on (release, release a copy with the identifying part removed, withhold), or what was
 * decided. A refusal (decided by another champion, 409; changed by its author, 404) is said in the
 * API's words, with a way to read the list again.
 */
export function HeldCommentItem({ api, teamId, roundId, comment, onDecided, onReload }: {
  api: ReviewApi; teamId: string; roundId: string; comment: HeldComment; onDecided: (decided: HeldComment) => void; onReload: () => void;
}) {
  const styles = useStyles();
  const headingId = useId();
  const [editing, setEditing] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<{ message: string; stale: boolean } | null>(null);
  const condition = findCondition(comment.conditionId);
  const tooLong = editing !== null && editing.length > MAX_COMMENT_LENGTH;

  const decide = async (decision: CommentDecision) => {
    setSaving(true);
    setFailure(null);
    try {
      onDecided(await api.decide(teamId, roundId, comment.reviewId, decision));
      setEditing(null);
    } catch (error) {
      const stale = error instanceof ApiError && (error.status === 404 || error.status === 409);
      setFailure({ message: error instanceof Error ? error.message : 'The decision could not be saved just now. Please try again.', stale });
    } finally {
      setSaving(false);
    }
  };

  return (
    <li className={styles.item} aria-labelledby={headingId} data-testid="held-comment" data-state={comment.state}>
      <p className={styles.condition} id={headingId}>Condition {condition?.number}: {condition?.text}</p>
      <p className={styles.text} data-part="text">{comment.text}</p>
      <p className={styles.found} data-part="found">Found: {foundWords(comment)}.</p>
      {comment.state !== 'held' && <p className={styles.outcome} data-part="outcome">{outcomeText(comment)}</p>}
      {comment.state === 'held' && editing === null && (
        <div className={styles.actions}>
          {/* The safer way on is the one offered first: most held comments name someone. */}
          <Button appearance="primary" disabled={saving} onClick={() => setEditing(startingCopy(comment))}>Remove identifying part</Button>
          <Button disabled={saving} onClick={() => void decide({ state: 'released' })}>Release as written</Button>
          <Button disabled={saving} onClick={() => void decide({ state: 'withheld' })}>Withhold</Button>
        </div>
      )}
      {comment.state === 'held' && editing !== null && (
        <>
          <Field
            label="The comment as leaders will read it"
            hint="Replace each name, number, address or detail that could identify someone with [removed]."
            validationState={tooLong || editing.trim() === '' ? 'error' : 'none'}
            validationMessage={tooLong ? `At most ${MAX_COMMENT_LENGTH.toLocaleString('en-GB')} characters.` : editing.trim() === '' ? 'Write the comment as leaders should read it, or withhold it.' : undefined}
          >
            <Textarea value={editing} resize="vertical" rows={4} onChange={(_event, data) => setEditing(data.value)} />
          </Field>
          <div className={styles.actions}>
            <Button appearance="primary" disabled={saving || tooLong || editing.trim() === ''} onClick={() => void decide({ state: 'redacted', text: editing })}>Release this copy</Button>
            <Button disabled={saving} onClick={() => setEditing(null)}>Cancel</Button>
          </div>
        </>
      )}
      {failure && (
        <MessageBar intent="error" data-testid="decision-failure">
          <MessageBarBody>{failure.message}</MessageBarBody>
          {failure.stale && (
            <MessageBarActions>
              <Button onClick={() => { setFailure(null); onReload(); }}>Reload</Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
    </li>
  );
}
