import { makeStyles } from '@fluentui/react-components';

/**
 * For a Field holding a Select: keeps the picker within the screen. A native select is as wide
 * as its longest option (a condition's full text is about 1,000 px) and a Field's grid lets it
 * grow to that; these let it shrink to the width there is, showing the chosen option cut with
 * an ellipsis (the opened list shows every option in full).
 */
export const usePickerStyles = makeStyles({
  field: { gridTemplateColumns: 'minmax(0, 1fr)' },
  select: { minWidth: 0, '& > select': { minWidth: 0, textOverflow: 'ellipsis' } },
});
