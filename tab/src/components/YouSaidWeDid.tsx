import { useEffect, useId, useState } from 'react';
import { Body1, Button, Caption1, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { youSaidWeDidWords } from '@domain/summary/youSaidWeDidWords';
import type { ChannelApi } from '../api/client';
import type { YouSaidWeDidPreview } from '../api/types';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', rowGap: tokens.spacingVerticalS },
  preview: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    maxWidth: '60rem',
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  heading: { margin: 0 },
  part: { margin: `${tokens.spacingVerticalS} 0 0`, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  detail: { display: 'block', color: tokens.colorNeutralForeground2 },
});

const postedTimes = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

/** "10 March 2027 at 14:05", UK time. */
function postedAtText(iso: string): string {
  const parts = Object.fromEntries(postedTimes.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return `${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute}`;
}

type Posted = { readonly postedAt: string; readonly postedBy?: string };

/**
 * "You said, we did" for a closed round (issue 11): a champion previews the card staff will read
 * in the channel (the same words: domain/summary/youSaidWeDidWords.ts) and posts it there, once.
 * Shown only to the team's practice champions: for anyone else the preview is refused (403) and
 * nothing is rendered. Says "posted" only once the API has answered that Teams took the post.
 * Render it with a `key` of the round: another round's card starts afresh.
 */
export function YouSaidWeDid({ api, teamId, roundId }: { api: ChannelApi; teamId: string; roundId: string }) {
  const styles = useStyles();
  const regionId = useId();
  const titleId = useId();
  const [preview, setPreview] = useState<YouSaidWeDidPreview | null>(null);
  const [open, setOpen] = useState(false);
  const [posting, setPosting] = useState(false);
  const [posted, setPosted] = useState<Posted | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    // Refused (not a champion; results not out yet) or failed: there is nothing to offer.
    api.youSaidWeDid(teamId, roundId, controller.signal).then(
      (loaded) => {
        if (controller.signal.aborted) return;
        setPreview(loaded);
        setPosted(loaded.posted);
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [api, teamId, roundId]);

  if (!preview) return null;
  const words = youSaidWeDidWords(preview.facts);

  // Never rejects (a failure is shown beside the button), so a click starts it without awaiting.
  const post = async () => {
    setPosting(true);
    setFailure(null);
    try {
      const reply = await api.postYouSaidWeDid(teamId, roundId);
      setPosted({ postedAt: reply.postedAt });
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'The card could not be posted just now. Please try again.');
    } finally {
      setPosting(false);
    }
  };

  return (
    <div className={styles.section}>
      <Button aria-expanded={open} aria-controls={regionId} onClick={() => setOpen((shown) => !shown)}>
        You said, we did
      </Button>
      {open && (
        <section id={regionId} aria-labelledby={titleId} className={styles.preview} data-testid="you-said-we-did">
          {/* Not "the plan as it is now": an earlier round's card shows the plan kept at its close, and says so. */}
          <Caption1>The card as it would be posted in the channel now:</Caption1>
          <Subtitle2 as="h2" id={titleId} className={styles.heading}>{words.title}</Subtitle2>
          <Body1 as="p">{words.participation}</Body1>
          {words.sections.map((part) => (
            <div key={part.heading}>
              <h3 className={styles.part}>{part.heading}</h3>
              <ul className={styles.list}>
                {part.lines.map((line, i) => (
                  <li key={i}>
                    {line.text}
                    {line.detail && <Caption1 className={styles.detail}>{line.detail}</Caption1>}
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <Caption1 as="p">{words.privacy}</Caption1>
          {posted ? (
            <MessageBar intent="success" data-testid="you-said-we-did-posted"><MessageBarBody>
              Posted in the channel on {postedAtText(posted.postedAt)}{posted.postedBy ? ` by ${posted.postedBy}` : ''}.
            </MessageBarBody></MessageBar>
          ) : (
            <Button appearance="primary" disabled={posting} onClick={() => void post()}>{posting ? 'Posting…' : 'Post in the channel'}</Button>
          )}
          {failure && <MessageBar intent="error"><MessageBarBody>{failure}</MessageBarBody></MessageBar>}
        </section>
      )}
    </div>
  );
}
