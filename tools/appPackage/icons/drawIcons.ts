import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { projectRoot } from '../../../bot/shared/projectRoot';
import { ICON_SIZES } from '../iconRules';
import { markShape } from './mark';
import { render, square, type Rgb } from './raster';

/**
 * Draws appPackage/color.png and appPackage/outline.png. The PNGs are committed; run this after
 * changing the mark or the colour: `node dist/tools/appPackage/icons/drawIcons.js` once built.
 */
/** The icon's background and the manifest's accentColor (keep them the same). */
const ACCENT: Rgb = [0x1f, 0x5f, 0x8b];
const WHITE: Rgb = [255, 255, 255];

/** Full-bleed colour with a white mark: Teams rounds the corners itself wherever it shows the icon. */
export function colorIcon(): PNG {
  const size = ICON_SIZES.color;
  return render({
    size,
    layers: [
      { shape: square(size), colour: ACCENT },
      { shape: markShape({ centre: size / 2, radius: size * 0.3, dotRadius: 0.12, tickHalfWidth: 0.085 }), colour: WHITE },
    ],
  });
}

/** White on transparent, filling the 32 pixels but for a pixel's margin, as Teams asks. */
export function outlineIcon(): PNG {
  const size = ICON_SIZES.outline;
  return render({
    size,
    layers: [{ shape: markShape({ centre: size / 2, radius: size / 2 - 1, dotRadius: 0.14, tickHalfWidth: 0.1 }), colour: WHITE }],
  });
}

export function accentColour(): string {
  return `#${ACCENT.map((channel) => channel.toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}

if (require.main === module) {
  const folder = join(projectRoot(), 'appPackage');
  writeFileSync(join(folder, 'color.png'), PNG.sync.write(colorIcon()));
  writeFileSync(join(folder, 'outline.png'), PNG.sync.write(outlineIcon()));
  process.stdout.write(`Drew appPackage/color.png and appPackage/outline.png (accent colour ${accentColour()}).\n`);
}
