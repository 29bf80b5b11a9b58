/**
 * The overview heatmap's colour scale: a score (0 "not in place" to 3 "fully in place", shown to
 * one decimal place) to one of six bands, each a fill and the text colour its figures are written
 * in. No imports, so the unit tests (tests/tab/scoreScale.spec.ts) read it as it is.
 *
 * Why these colours: ColorBrewer's single-hue sequential "Blues" (Cynthia Brewer, colorbrewer2.org,
 * the 7- and 9-class schemes). A single hue whose lightness moves one way reads for people with
 * any colour-vision deficiency: the order lives in lightness, which they see, not in hue (never
 * red against green). In the light theme a higher score is darker; in the dark theme lighter, so
 * in both a higher score stands further from the page. Teams' high-contrast theme gets no fills
 * at all (colour carries no meaning there): the cells show their figures in the system's colours.
 *
 * Bands are by the score AS SHOWN, in tenths (shownScore.ts `scoreInTenths`): a cell reading "1.5"
 * is always in the 1.5–1.9 band, never coloured by a hidden 1.46.
 */

export type ScaleTheme = 'light' | 'dark';

export interface ScoreBand {
  /** 0 (lowest scores) to 5. */
  readonly index: number;
  /** The band's lowest and highest score in tenths, inclusive (0–4 is 0.0 to 0.4). */
  readonly fromTenths: number;
  readonly toTenths: number;
  /** "1.5–1.9", as the legend writes it. */
  readonly label: string;
  /** The cell's background, #rrggbb. */
  readonly fill: string;
  /** The colour of the figures on it, #rrggbb: whichever of the theme's dark and light text reads better on the fill. */
  readonly text: string;
}

/** Scores in tenths run 0 to 30: five bands of half a point, and the last takes 2.5 to 3.0. */
const BAND_STARTS = [0, 5, 10, 15, 20, 25] as const;
const MAX_TENTHS = 30;

/** Lowest score first. */
const FILLS: Record<ScaleTheme, readonly string[]> = {
  light: ['#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#2171b5', '#08519c'],
  dark: ['#08306b', '#08519c', '#2171b5', '#6baed6', '#9ecae1', '#c6dbef'],
};

/** The text colours the tab's themes write in: Teams' light theme's foreground (colorNeutralForeground1), and white. */
const DARK_TEXT = '#242424';
const LIGHT_TEXT = '#ffffff';

/** WCAG 2.x AA for text under 18 pt: what every band's figures must reach on its fill. */
export const MIN_TEXT_CONTRAST = 4.5;

/**
 * A colour's relative luminance, 0 (black) to 1 (white), as WCAG 2.x defines it
 * (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance). `hex` is #rrggbb.
 */
export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const value = Number.parseInt(match[1]!, 16);
  const channel = (shift: number) => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
}

/** WCAG 2.x contrast ratio of two #rrggbb colours: 1 (none) to 21 (black on white), either order. */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/** The text colour (dark or white) with the higher contrast on `fill`. */
function textOn(fill: string): string {
  return contrastRatio(fill, DARK_TEXT) >= contrastRatio(fill, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT;
}

const tenthsText = (tenths: number) => (tenths / 10).toFixed(1);

function bandsOf(theme: ScaleTheme): readonly ScoreBand[] {
  return BAND_STARTS.map((fromTenths, index) => {
    const toTenths = (BAND_STARTS[index + 1] ?? MAX_TENTHS + 1) - 1;
    const fill = FILLS[theme][index]!;
    return { index, fromTenths, toTenths, label: `${tenthsText(fromTenths)}–${tenthsText(toTenths)}`, fill, text: textOn(fill) };
  });
}

/** Each theme's six bands, lowest scores first. */
export const SCORE_BANDS: Readonly<Record<ScaleTheme, readonly ScoreBand[]>> = { light: bandsOf('light'), dark: bandsOf('dark') };

/**
 * The band of a score as shown, in tenths (0 to 30; `scoreInTenths(score)`). Throws for anything
 * else: a score outside 0–3 is a fault upstream, not a colour.
 */
export function bandOfTenths(tenths: number, theme: ScaleTheme): ScoreBand {
  if (!Number.isInteger(tenths) || tenths < 0 || tenths > MAX_TENTHS) throw new RangeError(`A score in tenths is 0 to ${MAX_TENTHS}, not ${tenths}`);
  const bands = SCORE_BANDS[theme];
  return bands.findLast((band) => tenths >= band.fromTenths)!;
}
