/**
 * Stands in for strip-bom 5 under jest: @microsoft/app-manifest requires it, and it is an ES
 * module, which Node loads with require() but jest's CommonJS module registry cannot.
 * Same behaviour: drop a leading byte order mark.
 */
export default function stripBom(text: string): string {
  if (typeof text !== 'string') throw new TypeError(`Expected a string, got ${typeof text}`);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
