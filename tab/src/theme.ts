import { createContext } from 'react';
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';
import type { ThemeName } from './teams/host';

export function fluentTheme(name: ThemeName): Theme {
  if (name === 'dark') return teamsDarkTheme;
  if (name === 'contrast') return teamsHighContrastTheme;
  return teamsLightTheme;
}

/** True in Teams' high-contrast theme, where colour-coded graphics carry no meaning. */
export const ContrastContext = createContext(false);

/** The Teams theme the tab is showing: the overview's heatmap takes its colour scale from it. */
export const ThemeNameContext = createContext<ThemeName>('default');
