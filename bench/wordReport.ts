import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { percentile } from './answerBurst';
import { machine } from './report';
import type { WordReportMeasures } from './wordReportChild';
import { wordReportInput } from './wordReportInput';

/** The goal: the Word report for 2,000 staff and a 30-action plan in under 2 s. */
const WORD_REPORT_GOAL_MS = 2000;

export interface WordReportResult extends WordReportMeasures {
  readonly staff: number;
  readonly actions: number;
  readonly progressNotes: number;
  readonly evidenceNotes: number;
  /** The first run: it loads the docx module, as an instance's first report does. */
  readonly firstMs: number;
  /** The runs after the first. */
  readonly medianMs: number;
  readonly worstMs: number;
  /** CPU time of the runs after the first: median. */
  readonly medianCpuMs: number;
  /** The machine's 1-minute load average before the runs (other work skews the wall times). */
  readonly loadBefore: number;
  /** Every run, the first included, under the goal. */
  readonly met: boolean;
}

/**
 * `GET …/export.docx`'s own work for a closed round of `staff` people and a plan of `actions`
 * actions: the report made from the released summary, the plan and the evidence notes
 * (roundReport) and written as a Word file (docxFile), `runs` times in a process of its own
 * (wordReportChild.ts). Storage reads are not in it: a closed round's summary is served from its
 * counts kept at close, and the plan and the notes are a partition read each.
 */
export async function runWordReport(options: { staff: number; actions: number; runs: number }): Promise<WordReportResult> {
  const loadBefore = loadavg()[0]!;
  const input = wordReportInput(options.staff, options.actions, new Date());
  const child = fork(join(__dirname, 'wordReportChild.js'), [], { execArgv: ['--expose-gc'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const measures = await new Promise<WordReportMeasures>((resolve, reject) => {
    child.once('message', (message) => resolve(message as WordReportMeasures));
    child.once('exit', (code) => reject(new Error(`the Word report's process exited (${code}) before answering`)));
    child.send({ input, runs: options.runs });
  });
  const [first, ...rest] = measures.runsMs;
  const sorted = [...rest].sort((a, b) => a - b);
  return {
    ...measures,
    staff: options.staff,
    actions: options.actions,
    progressNotes: input.plan.actions.reduce((sum, a) => sum + a.notes.length, 0),
    evidenceNotes: input.evidence.length,
    firstMs: first!,
    medianMs: percentile(sorted, 0.5),
    worstMs: sorted.at(-1) ?? first!,
    medianCpuMs: percentile(measures.runsCpuMs.slice(1).toSorted((a, b) => a - b), 0.5),
    loadBefore,
    met: measures.runsMs.every((ms) => ms < WORD_REPORT_GOAL_MS),
  };
}

/** The result as a markdown section, as BENCHMARKS.md records it. */
export function wordReportReport(r: WordReportResult): string {
  const m = machine();
  const mb = (n: number) => n.toFixed(1);
  return [
    `## Word report: ${r.staff.toLocaleString('en-GB')} staff, a ${r.actions}-action plan (${r.progressNotes} progress notes), ${r.evidenceNotes} evidence notes`,
    '',
    `Node ${m.node}, ${m.platform}, ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, load average before the runs ${r.loadBefore.toFixed(1)}. ${r.runsMs.length} runs in a process of its own; the first loads the docx module.`,
    '',
    '| first run ms | median ms (runs 2 on) | worst ms (runs 2 on) | median CPU ms | file KB | baseline RSS MB | peak RSS MB (Δ) | baseline heap MB | peak heap MB (Δ) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${r.firstMs.toFixed(0)} | ${r.medianMs.toFixed(0)} | ${r.worstMs.toFixed(0)} | ${r.medianCpuMs.toFixed(0)} | ${(r.bytes / 1024).toFixed(0)} | ${mb(r.baselineRssMb)} | ${mb(r.peakRssMb)} (+${mb(r.peakRssMb - r.baselineRssMb)}) | ${mb(r.baselineHeapMb)} | ${mb(r.peakHeapMb)} (+${mb(r.peakHeapMb - r.baselineHeapMb)}) |`,
    '',
    '| goal | actual | met |',
    '|---|---|---|',
    `| every run under ${WORD_REPORT_GOAL_MS / 1000} s | worst ${Math.max(...r.runsMs).toFixed(0)} ms | ${r.met ? 'yes' : '**no**'} |`,
  ].join('\n');
}
