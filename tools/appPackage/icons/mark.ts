import { circle, stroke, union, type Shape } from './raster';

/**
 * Practice Audit's mark: twelve dots in a ring, one for each condition which promotes good
 * practice, around a tick. Geometry is in units of the ring's outer radius (1 = the outer edge
 * of the dots), so the same mark draws the 192-pixel and the 32-pixel icon.
 */
export interface MarkOptions {
  readonly centre: number;
  /** Outer radius of the ring, in pixels. */
  readonly radius: number;
  /** Dot radius as a share of `radius`: larger at small sizes, so the dots stay visible. */
  readonly dotRadius: number;
  /** Half the tick's stroke width as a share of `radius`. */
  readonly tickHalfWidth: number;
}

const CONDITIONS = 12;
// The tick's three points, drawn so its visual centre sits at the ring's centre.
const TICK = [[-0.36, 0.03], [-0.11, 0.28], [0.38, -0.24]] as const;

export function markShape({ centre, radius, dotRadius, tickHalfWidth }: MarkOptions): Shape {
  const ringRadius = radius * (1 - dotRadius);
  const dots = Array.from({ length: CONDITIONS }, (_, i) => {
    // Condition 1 at twelve o'clock, then clockwise, like a clock face.
    const angle = (i / CONDITIONS) * 2 * Math.PI - Math.PI / 2;
    return circle(centre + ringRadius * Math.cos(angle), centre + ringRadius * Math.sin(angle), radius * dotRadius);
  });
  const at = ([x, y]: readonly [number, number]) => [centre + x * radius, centre + y * radius] as const;
  const [a, b, c] = TICK.map(at) as [readonly [number, number], readonly [number, number], readonly [number, number]];
  const halfWidth = radius * tickHalfWidth;
  return union(...dots, stroke(a[0], a[1], b[0], b[1], halfWidth), stroke(b[0], b[1], c[0], c[1], halfWidth));
}
