import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { accentColour, colorIcon, outlineIcon } from '../../tools/appPackage/icons/drawIcons';
import { countOutlinePixels, iconProblems } from '../../tools/appPackage/iconRules';
import { REPO_ROOT } from './appPackageFixture';

const committed = (name: string) => readFileSync(join(REPO_ROOT, 'appPackage', name));
const pixelsOf = (png: PNG) => Buffer.from(png.data);

describe('the app icons', () => {
  it('are the ones the committed script draws (regenerate them after changing the mark)', () => {
    expect(pixelsOf(PNG.sync.read(committed('color.png'))).equals(pixelsOf(colorIcon()))).toBe(true);
    expect(pixelsOf(PNG.sync.read(committed('outline.png'))).equals(pixelsOf(outlineIcon()))).toBe(true);
  });

  it('meet Teams\' rules: 192×192 colour; 32×32 outline, white on transparent', () => {
    expect(iconProblems('color', 'color.png', committed('color.png'))).toEqual([]);
    expect(iconProblems('outline', 'outline.png', committed('outline.png'))).toEqual([]);
  });

  it('draw the mark in white on a full-bleed accent colour, which the manifest repeats', () => {
    const color = PNG.sync.read(committed('color.png'));
    const pixel = (x: number, y: number) => `#${[...color.data.subarray((y * 192 + x) * 4, (y * 192 + x) * 4 + 4)].map((v) => v.toString(16).padStart(2, '0')).join('').toUpperCase()}`;
    expect(pixel(0, 0)).toBe(`${accentColour()}FF`);
    expect(pixel(191, 191)).toBe(`${accentColour()}FF`);
    // Condition 1's dot at twelve o'clock: the ring's centre is 96 - 0.3 × 192 × (1 - 0.12) ≈ 45.
    expect(pixel(96, 45)).toBe('#FFFFFFFF');
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'appPackage', 'manifest.json'), 'utf8')) as { accentColor: string };
    expect(manifest.accentColor.toUpperCase()).toBe(accentColour());
  });

  it('leave the outline mostly transparent, with the mark filling it but for a pixel\'s margin', () => {
    const outline = PNG.sync.read(committed('outline.png'));
    const counts = countOutlinePixels(outline);
    expect(counts.transparent).toBeGreaterThan(32 * 32 / 2);
    const alphaAt = (x: number, y: number) => outline.data[(y * 32 + x) * 4 + 3]!;
    for (let i = 0; i < 32; i += 1) {
      expect([alphaAt(i, 0), alphaAt(0, i), alphaAt(i, 31), alphaAt(31, i)]).toEqual([0, 0, 0, 0]);
    }
    expect(alphaAt(16, 2)).toBeGreaterThan(200); // the top dot reaches the second row
  });
});
