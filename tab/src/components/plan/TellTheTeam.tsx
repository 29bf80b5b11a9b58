import { useState } from 'react';
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { ApiError } from '../../api/request';
import type { PlanAction, PostedToChannel } from '../../api/types';
import { actionName, formatUkDay, formatUkTime } from './planFormat';

const useStyles = makeStyles({
  box: { marginTop: tokens.spacingVerticalXS, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, alignItems: 'flex-start' },
  posted: { color: tokens.colorNeutralForeground1, fontSize: tokens.fontSizeBase200 },
});

type State =
  | { readonly step: 'ready' | 'posting' }
  | { readonly step: 'posted'; readonly postedAt: string }
  | { readonly step: 'failed'; readonly message: string };

/**
 * What the person is told when posting failed, truthfully. A refusal before anything was sent (not
 * done, not a champion, no such action) means nothing was posted. Otherwise only the API knows:
 * Teams refused the card (502, saying nothing was posted), Teams' answer never came (503
 * TEAMS_UNREACHABLE: it may have taken the card, so the post is not confirmed), or another
 * champion is posting it now (409 POST_IN_PROGRESS), so its own words are shown. No answer at
 * all (the connection failed) cannot say either way, and says so.
 */
const API_KNOWS = new Set(['TEAMS_REFUSED_POST', 'TEAMS_UNREACHABLE', 'POST_IN_PROGRESS']);

function failureWording(error: unknown): string {
  if (!(error instanceof ApiError) || error.status === 0) {
    return 'No answer came back from Practice Audit, so it is not known whether the update was posted. Look in the team’s channel before trying again.';
  }
  if (error.status >= 500 || API_KNOWS.has(error.code ?? '')) return error.message;
  return `Nothing was posted in the team’s channel. ${error.message}`;
}

/**
 * A done action's "Tell the team" button (champions): posts a short update in the team's
 * channel (POST …/actions/:actionId/announce) and says what happened: when Teams posted it, or
 * that nothing was posted, with a way to try again. Each post is one more message in the
 * channel, so the button goes once it has posted.
 */
export function TellTheTeam(props: { action: PlanAction; announce: () => Promise<PostedToChannel> }) {
  const styles = useStyles();
  const [state, setState] = useState<State>({ step: 'ready' });
  const post = async () => {
    setState({ step: 'posting' });
    try {
      const posted = await props.announce();
      setState({ step: 'posted', postedAt: posted.postedAt });
    } catch (error) {
      setState({ step: 'failed', message: failureWording(error) });
    }
  };
  const name = actionName(props.action);
  return (
    <div className={styles.box} data-part="tell-the-team">
      {state.step !== 'posted' && (
        <Button
          size="small"
          onClick={() => void post()}
          disabled={state.step === 'posting'}
          aria-label={`${state.step === 'failed' ? 'Try again to tell' : 'Tell'} the team that this action is done: ${name}`}
        >
          {state.step === 'posting' ? 'Posting in the channel…' : state.step === 'failed' ? 'Try again' : 'Tell the team'}
        </Button>
      )}
      {/* Always there, so what happened is announced when it changes. */}
      <div role="status">
        {state.step === 'posted' && (
          <span className={styles.posted} data-testid="announce-posted">
            Posted in the team’s channel at {formatUkTime(state.postedAt)} on {formatUkDay(state.postedAt)}.
          </span>
        )}
        {state.step === 'failed' && (
          <MessageBar intent="error" data-testid="announce-failed"><MessageBarBody>{state.message}</MessageBarBody></MessageBar>
        )}
      </div>
    </div>
  );
}
