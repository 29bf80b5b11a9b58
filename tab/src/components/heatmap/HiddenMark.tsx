/**
 * The mark of a hidden cell (a circle struck through), so that hidden cells differ from scored
 * ones by shape as well as by their words and their missing fill. Drawn in the text's colour
 * (currentColor), so it holds in every theme, high contrast included. Decorative: the cell's
 * words say why it is hidden.
 */
export function HiddenMark({ className }: { className?: string }) {
  return (
    <svg className={className} width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false" data-part="hidden-mark">
      <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <line x1="3.4" y1="12.6" x2="12.6" y2="3.4" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
