import { LEVELS } from '../../bot/domain/levels';
import type { CellSummary } from '../../bot/domain/summary/roundSummary';
import { contrastRatio, SCORE_BANDS } from '../../tab/src/components/heatmap/scoreScale';
import { latestRoundSummary } from './fixtures';
import { channelQuery, useTabHarness } from './harness';
import { hexOf, readHeatmap, readLegend, rgbOf } from './heatmapPage';
import { seriousViolations } from './tabPage';

/**
 * Issue 11, "What leaders read": the overview is a heatmap. Each scored cell is filled by its
 * score, in a single-hue scale that reads for colour-blind people, with its figures written on it
 * at 4.5:1 or more; hidden cells are marked by more than colour; a key says what the colours mean;
 * high contrast has no fills. In Teams' three themes, with axe finding nothing serious.
 */
jest.setTimeout(60_000);
const tab = useTabHarness();

/** The fixture's cells in the overview's order: each condition's all staff, then its levels. */
const fixtureCells = (): CellSummary[][] => latestRoundSummary().conditions.map((c) => [c.allStaff, ...LEVELS.map((level) => c.byLevel[level.id])]);

/** The band a score belongs in, worked out here from the score as shown: half-points, 2.5 to 3.0 the last. */
const expectedBand = (score: number) => Math.min(5, Math.floor(Number(score.toFixed(1)) * 2));

const isScored = (cell: CellSummary): cell is Extract<CellSummary, { shown: true }> & { score: number } => cell.shown && cell.score !== null;

describe.each([['light', ''], ['dark', '&theme=dark']] as const)('in the %s theme', (scale, theme) => {
  test('every scored cell is filled by its score’s band, with its figure on it at 4.5:1 or more', async () => {
    const page = await tab.open(channelQuery(theme));
    const painted = await readHeatmap(page);
    const cells = fixtureCells();
    const bands = new Set<number>();
    cells.forEach((row, i) => row.forEach((cell, j) => {
      const shown = painted[i]![j]!;
      if (!isScored(cell)) {
        expect({ i, j, band: shown.band }).toEqual({ i, j, band: null });
        expect(SCORE_BANDS[scale].map((b) => rgbOf(b.fill))).not.toContain(shown.background);
        return;
      }
      const band = SCORE_BANDS[scale][expectedBand(cell.score)]!;
      bands.add(band.index);
      expect({ i, j, band: shown.band, score: shown.score, background: shown.background, color: shown.color, detail: shown.detailColor })
        .toEqual({ i, j, band: band.index, score: cell.score.toFixed(1), background: rgbOf(band.fill), color: rgbOf(band.text), detail: rgbOf(band.text) });
      // Measured on the page as painted, not taken from the scale's table.
      expect(contrastRatio(hexOf(shown.color), hexOf(shown.background))).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(hexOf(shown.detailColor), hexOf(shown.background))).toBeGreaterThanOrEqual(4.5);
    }));
    // The fixture's scores (0.6 to 2.0) fall in four of the six bands: the colours do vary with the score.
    expect([...bands].sort((a, b) => a - b)).toEqual([1, 2, 3, 4]);
    // C12, supervisors: 2.0 by hand ((1 + 3 × 2 + 1 × 3) / 5), in the 2.0–2.4 band.
    expect(painted[11]![3]).toMatchObject({ score: '2.0', band: 4 });
  });

  test('hidden cells are marked by a struck-through circle and a dashed frame, not by colour alone; cells with no score by neither', async () => {
    const page = await tab.open(channelQuery(theme));
    const painted = (await readHeatmap(page)).flat();
    const hidden = painted.filter((cell) => !cell.shown);
    const unscored = painted.filter((cell) => cell.shown && cell.band === null);
    expect(hidden.length).toBeGreaterThan(10);
    expect(unscored.length).toBeGreaterThan(10);
    for (const cell of hidden) expect({ mark: cell.hiddenMark, outline: cell.outline, band: cell.band }).toEqual({ mark: true, outline: 'dashed', band: null });
    for (const cell of painted.filter((c) => c.shown)) expect({ mark: cell.hiddenMark, outline: cell.outline }).toEqual({ mark: false, outline: 'none' });
  });

  test('the key names each band’s scores in its own colours, and says what a cell with no score and a hidden cell look like', async () => {
    const page = await tab.open(channelQuery(theme));
    const legend = await readLegend(page);
    expect(legend.title).toBe(`Colour shows each cell’s score, from 0 (not in place) to 3 (fully in place): ${scale === 'light' ? 'darker' : 'lighter'} blue is higher.`);
    expect(legend.bands).toEqual(SCORE_BANDS[scale].map((band) => ({ label: band.label, background: rgbOf(band.fill), color: rgbOf(band.text) })));
    expect(legend.entries).toEqual(['No score (too few ratings, or all “don’t know”)', 'Hidden (too few answers, or to protect a smaller group)']);
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await page.getByTestId('overview').screenshot({ path: `/tmp/tab-heatmap-${scale}.png` });
  });
});

describe('in the high-contrast theme', () => {
  test('no cell is filled: the figures are written in the theme’s own colours, hidden cells keep their marks, and the key says so', async () => {
    const page = await tab.open(channelQuery('&theme=contrast'));
    const painted = (await readHeatmap(page)).flat();
    const fills = new Set([...SCORE_BANDS.light, ...SCORE_BANDS.dark].map((band) => rgbOf(band.fill)));
    for (const cell of painted) {
      expect({ band: cell.band, filled: fills.has(cell.background), color: cell.color }).toEqual({ band: null, filled: false, color: 'rgb(255, 255, 255)' });
      expect(['rgba(0, 0, 0, 0)', 'rgb(0, 0, 0)']).toContain(cell.background);
    }
    expect(painted.filter((cell) => cell.score !== null && cell.score !== 'No score').length).toBeGreaterThan(30);
    for (const cell of painted.filter((c) => !c.shown)) expect({ mark: cell.hiddenMark, outline: cell.outline }).toEqual({ mark: true, outline: 'dashed' });

    const legend = await readLegend(page);
    expect(legend.title).toBe('Each cell shows its score as a figure (high contrast shows no colours).');
    expect(legend.bands).toEqual([]);
    expect(legend.entries).toHaveLength(2);
    // Nor does the table's caption promise colours the theme does not show.
    await expect(page.getByTestId('overview').locator('caption').textContent()).resolves.not.toMatch(/colou?r/i);
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await page.getByTestId('overview').screenshot({ path: '/tmp/tab-heatmap-contrast.png' });
  });
});

test('no page reported an error', () => {
  expect(tab.errors).toEqual([]);
});
