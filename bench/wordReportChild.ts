import { docxFile } from '../bot/app/tab/export/docxFile';
import { roundReport, type ReportInput } from '../bot/domain/export/roundReport';

/**
 * The measured process of the Word report bench (wordReport.ts forks it with --expose-gc and
 * sends it the round's data): it makes the report `runs` times, as the export route does
 * (roundReport, then docxFile), and answers with each run's time and its memory figures.
 * Nothing else runs in it, so its peak RSS above the baseline is the report's.
 */
export interface WordReportMeasures {
  /** Each run's wall time, in ms, the first (which loads the docx module) first. */
  readonly runsMs: readonly number[];
  /** Each run's CPU time (user + system), in ms: less moved than wall time by other work on the machine. */
  readonly runsCpuMs: readonly number[];
  readonly bytes: number;
  /** Resident set and heap after start-up and the input, after a full GC, in MiB. */
  readonly baselineRssMb: number;
  readonly baselineHeapMb: number;
  /** The kernel's high-water mark of the resident set (getrusage maxrss) when the runs were done, in MiB. */
  readonly peakRssMb: number;
  /** The most heap in use at the end of a run, before it was collected, in MiB. */
  readonly peakHeapMb: number;
}

const MB = 1024 * 1024;

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('the Word report bench needs --expose-gc');
  gc();
}

process.once('message', (message: { input: ReportInput; runs: number }) => {
  void (async () => {
    collect();
    const baseline = process.memoryUsage();
    const runsMs: number[] = [];
    const runsCpuMs: number[] = [];
    let peakHeap = baseline.heapUsed;
    let bytes = 0;
    for (let run = 0; run < message.runs; run += 1) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const file = await docxFile(roundReport(message.input));
      runsMs.push(performance.now() - started);
      const used = process.cpuUsage(cpu);
      runsCpuMs.push((used.user + used.system) / 1000);
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      bytes = file.length;
      // Each run starts from the same heap, as a request on a quiet instance would.
      collect();
    }
    const measures: WordReportMeasures = {
      runsMs,
      runsCpuMs,
      bytes,
      baselineRssMb: baseline.rss / MB,
      baselineHeapMb: baseline.heapUsed / MB,
      peakRssMb: (process.resourceUsage().maxRSS * 1024) / MB,
      peakHeapMb: peakHeap / MB,
    };
    process.send!(measures, () => process.exit(0));
  })();
});
