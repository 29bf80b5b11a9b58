import { bandOfTenths, contrastRatio, MIN_TEXT_CONTRAST, relativeLuminance, SCORE_BANDS, type ScaleTheme } from '../../tab/src/components/heatmap/scoreScale';

/** The overview heatmap's colour scale (issue 11): figures readable on every fill, bands in order for every kind of colour vision. */
const THEMES: ScaleTheme[] = ['light', 'dark'];

/** #rrggbb to linear-light RGB (0–1), as WCAG's luminance reads it. */
function linear(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [16, 8, 0].map((shift) => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
}

/**
 * Colour-vision deficiencies at full severity, as matrices on linear RGB: Machado, Oliveira and
 * Fernandes, "A physiologically-based model for simulation of color vision deficiency" (IEEE
 * TVCG 15(6), 2009), table for severity 1.0.
 */
const DEFICIENCIES: Record<string, number[][]> = {
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};

/** The luminance a person with `deficiency` sees of `hex` (clamped to the displayable range). */
function seenLuminance(hex: string, deficiency: number[][]): number {
  const rgb = linear(hex);
  const [r, g, b] = deficiency.map((row) => Math.min(1, Math.max(0, row[0]! * rgb[0] + row[1]! * rgb[1] + row[2]! * rgb[2])));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe('the contrast of two colours (WCAG 2.x)', () => {
  it('gives the published reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // #767676 is the lightest grey that passes AA on white; #777777 just fails.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#ffffff', '#777777')).toBeCloseTo(4.48, 2);
    expect(relativeLuminance('#808080')).toBeCloseTo(0.2159, 4);
  });

  it('refuses what is not a #rrggbb colour', () => {
    expect(() => relativeLuminance('blue')).toThrow('Not a #rrggbb colour: blue');
  });
});

describe.each(THEMES)('the %s theme’s bands', (theme) => {
  const bands = SCORE_BANDS[theme];

  it(`write every figure at a contrast of at least ${MIN_TEXT_CONTRAST}:1 on its fill`, () => {
    for (const band of bands) {
      expect({ band: band.label, enough: contrastRatio(band.fill, band.text) >= MIN_TEXT_CONTRAST }).toEqual({ band: band.label, enough: true });
    }
    expect(Math.min(...bands.map((band) => contrastRatio(band.fill, band.text)))).toBeGreaterThanOrEqual(4.5);
  });

  it('cover every shown score from 0.0 to 3.0, in half-points, without gap or overlap', () => {
    expect(bands.map((band) => band.label)).toEqual(['0.0–0.4', '0.5–0.9', '1.0–1.4', '1.5–1.9', '2.0–2.4', '2.5–3.0']);
    for (let tenths = 0; tenths <= 30; tenths += 1) {
      const band = bandOfTenths(tenths, theme);
      expect(tenths >= band.fromTenths && tenths <= band.toTenths).toBe(true);
      expect(bands.filter((b) => tenths >= b.fromTenths && tenths <= b.toTenths)).toHaveLength(1);
    }
    expect([0, 4, 5, 14, 15, 24, 25, 30].map((tenths) => bandOfTenths(tenths, theme).index)).toEqual([0, 0, 1, 2, 3, 4, 5, 5]);
  });

  it('refuse a score that is not one in tenths from 0 to 30', () => {
    for (const bad of [-1, 31, 1.5, Number.NaN]) expect(() => bandOfTenths(bad, theme)).toThrow(RangeError);
  });

  it('are one hue (blue), never red or green', () => {
    for (const { fill } of bands) {
      const [r, g, b] = linear(fill);
      expect(b).toBeGreaterThan(g);
      expect(g).toBeGreaterThanOrEqual(r);
    }
  });

  // Higher scores stand further from the page: darker on the light theme, lighter on the dark one.
  it.each(['normal vision', ...Object.keys(DEFICIENCIES)])('keep their order in lightness for %s', (vision) => {
    const deficiency = DEFICIENCIES[vision];
    const seen = bands.map((band) => (deficiency ? seenLuminance(band.fill, deficiency) : relativeLuminance(band.fill)));
    const steps = seen.slice(1).map((value, i) => (theme === 'light' ? seen[i]! - value : value - seen[i]!));
    for (const step of steps) expect(step).toBeGreaterThan(0.02);
  });
});

test('the two themes’ bands differ: the dark theme’s lowest band is dark, the light theme’s light', () => {
  expect(relativeLuminance(SCORE_BANDS.light[0]!.fill)).toBeGreaterThan(0.7);
  expect(relativeLuminance(SCORE_BANDS.dark[0]!.fill)).toBeLessThan(0.05);
});
