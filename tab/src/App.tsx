import { useEffect, useMemo, useState } from 'react';
import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { createApi } from './api/client';
import type { Me } from './api/types';
import { LocalBanner } from './components/LocalBanner';
import { notifyLoaded, type Host, type ThemeName } from './teams/host';
import { ContrastContext, fluentTheme, ThemeNameContext } from './theme';
import { ChannelView } from './views/ChannelView';
import { ConfigView } from './views/ConfigView';
import { OrganisationView } from './views/OrganisationView';
import { PersonalView } from './views/PersonalView';

const useStyles = makeStyles({
  page: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXXL}`,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    // A phone (Teams mobile is 360 px and up) needs its width for the content, not the margins.
    '@media (max-width: 480px)': { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}` },
  },
});

export function App({ host }: { host: Host }) {
  const styles = useStyles();
  const [theme, setTheme] = useState<ThemeName>(host.theme);
  const [me, setMe] = useState<Me | null>(null);
  const api = useMemo(() => createApi(host), [host]);

  useEffect(() => host.onThemeChange(setTheme), [host]);
  useEffect(() => {
    const controller = new AbortController();
    api.me(controller.signal).then(setMe, () => setMe(null));
    notifyLoaded(host);
    return () => controller.abort();
  }, [api, host]);

  return (
    // Portals (the chart's tooltips) take the theme only: the page's own look (full height, its
    // background) on every portal's node would lay a blank page over the tab.
    <FluentProvider theme={fluentTheme(theme)} className={styles.page} applyStylesToPortals={false}>
      <ContrastContext.Provider value={theme === 'contrast'}>
        <ThemeNameContext.Provider value={theme}>
          {me?.local && <LocalBanner name={me.name} />}
          <main>
            {host.view === 'config' && <ConfigView host={host} />}
            {host.view === 'personal' && <PersonalView api={api} orgRoles={me?.orgRoles ?? []} />}
            {host.view === 'organisation' && <OrganisationView api={api} />}
            {host.view === 'channel' && <ChannelView api={api} teamId={host.teamId} />}
          </main>
        </ThemeNameContext.Provider>
      </ContrastContext.Provider>
    </FluentProvider>
  );
}
