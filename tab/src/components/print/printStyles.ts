import { makeStaticStyles } from '@fluentui/react-components';

/**
 * The printed page (a round's print view, PrintView.tsx): black on white whatever the Teams theme
 * (Chromium drops backgrounds when printing, so a dark theme's light text would print pale on
 * white), no controls (buttons, the views' tabs, the local-mode banner), tables whose rows are not
 * split between pages and whose header row repeats on each page, and headings kept with what
 * follows. Landscape: the overview is nine columns wide. Global (makeStaticStyles), and only for
 * print media: the screen is untouched.
 */
export const usePrintStyles = makeStaticStyles(`
@media print {
  @page { size: landscape; margin: 12mm; }
  html, body, .fui-FluentProvider { background: #fff !important; color: #000 !important; }
  .fui-FluentProvider { padding: 0 !important; min-height: 0 !important; }
  .fui-FluentProvider > :not(main), button, [role="tablist"], [data-print="hide"] { display: none !important; }
  [data-print="root"], [data-print="root"] * {
    color: #000 !important; background: transparent !important; box-shadow: none !important;
    text-shadow: none !important; forced-color-adjust: none;
  }
  [data-print="root"] { font-size: 10pt; }
  [data-print="root"] [role="region"] { overflow: visible !important; border: none !important; }
  [data-print="root"] table { border-collapse: collapse; width: 100%; }
  [data-print="root"] thead { display: table-header-group; }
  [data-print="root"] th, [data-print="root"] td { border-bottom: 1px solid #000 !important; }
  [data-print="root"] tr, [data-print="root"] li { break-inside: avoid; }
  [data-print="root"] h1, [data-print="root"] h2, [data-print="root"] h3, [data-print="root"] caption { break-after: avoid; }
  [data-print="root"] section { break-inside: auto; }
}
`);
