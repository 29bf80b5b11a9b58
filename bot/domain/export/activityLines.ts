import { ACTIVITY_KIND_LABELS, actorInWords, chainInWords, type ActivityEntry, type ChainCheck } from '../activityLog';
import { safeCell, type SheetValue } from './cellSafety';

/** The table's columns: the entry's fields as stored (times in ISO 8601, UTC), and what its kind and actor say in words. */
const HEADER = ['Entry', 'Appended at (UTC)', 'Happened at (UTC)', 'What', 'Who', 'Round id', 'Summary', 'Hash', 'Previous hash'];

/**
 * A team's activity log as the lines of a sheet (issue 12; the CSV, and the round's Excel file):
 * what it is, what the check of the chain found and when it was exported, a blank line, then one
 * row per entry, newest first as the tab lists them. Every cell is made safe from formula
 * injection (cellSafety.ts): a summary names people and quotes plan text. No Entra id is in it.
 */
export function activityLines(log: { readonly teamName: string; readonly entries: readonly ActivityEntry[]; readonly check: ChainCheck; readonly exportedAt: Date }): SheetValue[][] {
  const about = [
    ['Practice Audit activity log', log.teamName],
    ['Chain', chainInWords(log.check)],
    ['Exported at (UTC)', log.exportedAt.toISOString()],
  ];
  const rows = [...log.entries].reverse().map((e) => [e.sequence, e.at, e.happenedAt ?? null, ACTIVITY_KIND_LABELS[e.kind] ?? e.kind, actorInWords(e.actor), e.roundId ?? null, e.summary, e.hash, e.previousHash]);
  return [...about.map((line) => line.map(safeCell)), [], HEADER.map(safeCell), ...rows.map((row) => row.map(safeCell))];
}
