import { PNG } from 'pngjs';

/**
 * A tiny vector-to-PNG renderer for the app icons: shapes are "is this point inside?" tests,
 * and each pixel is the average of an n×n grid of samples, which gives smooth (anti-aliased)
 * edges without a graphics library.
 */
export type Shape = (x: number, y: number) => boolean;
export type Rgb = readonly [r: number, g: number, b: number];

export interface Layer {
  readonly shape: Shape;
  readonly colour: Rgb;
}

export interface RenderOptions {
  readonly size: number;
  /** Bottom first; a sample takes the colour of the topmost layer that contains it. */
  readonly layers: readonly Layer[];
  readonly samplesPerAxis?: number;
}

export function render({ size, layers, samplesPerAxis = 8 }: RenderOptions): PNG {
  const png = new PNG({ width: size, height: size });
  const samples = samplesPerAxis * samplesPerAxis;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      // Premultiplied sums, so a half-covered pixel keeps its colour and halves its alpha.
      let [r, g, b, covered] = [0, 0, 0, 0];
      for (let sy = 0; sy < samplesPerAxis; sy += 1) {
        for (let sx = 0; sx < samplesPerAxis; sx += 1) {
          const layer = topmost(layers, px + (sx + 0.5) / samplesPerAxis, py + (sy + 0.5) / samplesPerAxis);
          if (!layer) continue;
          [r, g, b, covered] = [r + layer.colour[0], g + layer.colour[1], b + layer.colour[2], covered + 1];
        }
      }
      const offset = (py * size + px) * 4;
      // Fully transparent pixels are stored as transparent white, so the outline icon holds no other colour.
      png.data[offset] = covered ? Math.round(r / covered) : 255;
      png.data[offset + 1] = covered ? Math.round(g / covered) : 255;
      png.data[offset + 2] = covered ? Math.round(b / covered) : 255;
      png.data[offset + 3] = Math.round((covered / samples) * 255);
    }
  }
  return png;
}

function topmost(layers: readonly Layer[], x: number, y: number): Layer | undefined {
  for (let i = layers.length - 1; i >= 0; i -= 1) if (layers[i]!.shape(x, y)) return layers[i];
  return undefined;
}

export const circle = (cx: number, cy: number, radius: number): Shape =>
  (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;

/** A line from a to b with round ends: every point within halfWidth of the segment. */
export const stroke = (ax: number, ay: number, bx: number, by: number, halfWidth: number): Shape => {
  const [dx, dy] = [bx - ax, by - ay];
  const lengthSquared = dx * dx + dy * dy;
  return (x, y) => {
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / lengthSquared));
    return (x - (ax + t * dx)) ** 2 + (y - (ay + t * dy)) ** 2 <= halfWidth ** 2;
  };
};

export const square = (size: number): Shape => (x, y) => x >= 0 && y >= 0 && x <= size && y <= size;

export const union = (...shapes: Shape[]): Shape => (x, y) => shapes.some((shape) => shape(x, y));
