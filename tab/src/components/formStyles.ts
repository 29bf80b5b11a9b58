import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * The look of the tab's inline forms (a plan action, an evidence note): fields in a grid that
 * wraps to one column on a phone, on a tinted panel; `wide` for a field across the whole form,
 * `buttons` for the row of buttons under it.
 */
export const useFormStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))',
    // Each field keeps its own height: a hint may be longer than the others'.
    alignItems: 'start',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  wide: { gridColumn: '1 / -1' },
  buttons: { gridColumn: '1 / -1', display: 'flex', gap: tokens.spacingHorizontalS },
});
