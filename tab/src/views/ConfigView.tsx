import { useEffect } from 'react';
import { Body1, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { pages } from '@microsoft/teams-js';
import type { Host } from '../teams/host';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, maxWidth: '640px' },
  title: { margin: 0 },
});

/** The tab's address: the team comes from the Teams context, so it needs nothing more. */
function contentUrl(origin: string): string {
  return `${origin}/tab/`;
}

/** Adding the tab to a channel: nothing to choose, so it is valid at once. */
export function ConfigView({ host }: { host: Host }) {
  const styles = useStyles();
  useEffect(() => {
    if (!host.inTeams) return;
    pages.config.registerOnSaveHandler((event) => {
      pages.config
        .setConfig({ contentUrl: contentUrl(window.location.origin), entityId: 'practice-audit', suggestedDisplayName: 'Practice audit' })
        .then(() => event.notifySuccess(), (error: unknown) => event.notifyFailure(String(error)));
    });
    pages.config.setValidityState(true);
  }, [host]);

  return (
    <div className={styles.view}>
      <Title3 as="h1" className={styles.title}>Add Practice Audit to this channel</Title3>
      <Body1 as="p">
        The tab shows this team’s audit rounds: who has taken part, by level, and how each level rates the
        twelve conditions which promote good practice. Small groups are never shown.
      </Body1>
      <Body1 as="p">There is nothing to set up. Select Save to add the tab.</Body1>
      {!host.inTeams && <Body1 as="p">(This page is used by Teams when the tab is added to a channel.)</Body1>}
    </div>
  );
}
