import { isAbsolute, relative } from 'node:path';

/** A path as people should read it in a message: relative to the project when inside it, absolute otherwise. */
export function displayPath(root: string, path: string): string {
  const inside = relative(root, path);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : path;
}
