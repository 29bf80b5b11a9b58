import { PNG } from 'pngjs';

/**
 * Teams' rules for the two icons (learn.microsoft.com, "App icons for Teams"): a 192×192
 * full-colour icon, and a 32×32 outline icon that is white on a transparent background.
 */
export const ICON_SIZES = { color: 192, outline: 32 } as const;
export type IconKind = keyof typeof ICON_SIZES;

export interface PixelCounts {
  readonly transparent: number;
  readonly whiteOpaqueOrPartly: number;
  /** Visible pixels that are not pure white: never allowed in the outline icon. */
  readonly notWhite: number;
}

export function countOutlinePixels(png: PNG): PixelCounts {
  let transparent = 0;
  let whiteOpaqueOrPartly = 0;
  let notWhite = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b, a] = [png.data[i], png.data[i + 1], png.data[i + 2], png.data[i + 3]];
    if (a === 0) transparent += 1;
    else if (r === 255 && g === 255 && b === 255) whiteOpaqueOrPartly += 1;
    else notWhite += 1;
  }
  return { transparent, whiteOpaqueOrPartly, notWhite };
}

/** What is wrong with an icon file, or [] when Teams will accept it. */
export function iconProblems(kind: IconKind, file: string, bytes: Buffer): string[] {
  let png: PNG;
  try {
    png = PNG.sync.read(bytes);
  } catch (error) {
    return [`${file} is not a PNG image (${error instanceof Error ? error.message : String(error)})`];
  }
  const size = ICON_SIZES[kind];
  if (png.width !== size || png.height !== size) return [`${file} is ${png.width}×${png.height}; the ${kind} icon must be ${size}×${size}`];
  if (kind === 'color') return [];
  const counts = countOutlinePixels(png);
  const problems: string[] = [];
  if (counts.notWhite > 0) problems.push(`${file} has ${counts.notWhite} visible pixels that are not white; the outline icon must be white on transparent`);
  if (counts.transparent === 0) problems.push(`${file} has no transparent pixels; the outline icon must be white on transparent`);
  return problems;
}
