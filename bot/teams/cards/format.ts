import { type CountCell } from '../../domain/privacy';

/** "4 March 2026", in UK time whatever the server's zone. Unparseable input is shown as given. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
}

/** "4 March 2026 at 14:05", in UK time whatever the server's zone. Unparseable input is shown as given. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${formatDate(iso)} at ${date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' })}`;
}

/** "1 person", "3 people". */
export function people(count: number): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? 'person' : 'people'}`;
}

/** A suppressed group shows only that it is small, never its size. */
export function countCellText(cell: CountCell | undefined, privacyThreshold: number): string {
  if (cell === undefined) return '0';
  if (cell.shown) return cell.count.toLocaleString('en-GB');
  return cell.reason === 'too-small' ? `fewer than ${privacyThreshold}` : 'hidden (protects a smaller level)';
}
