import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/** Local mode runs without sign-in on this computer only: say so plainly on every view. */
export function LocalBanner({ name }: { name: string }) {
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="local-banner">
      <MessageBarBody>
        <MessageBarTitle>Local mode: not signed in — {name}</MessageBarTitle>
        The service is running on this computer without Teams sign-in. Anyone on this computer can read these results.
      </MessageBarBody>
    </MessageBar>
  );
}
