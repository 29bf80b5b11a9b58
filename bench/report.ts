import { cpus, totalmem } from 'node:os';
import type { ScenarioResult } from './scenario';

/** The goals for the answer burst. */
export const GOALS = { minShareOfFloor: 0.5, maxLost: 0, maxPeakRssMb: 250 } as const;

export interface GoalCheck {
  readonly goal: string;
  readonly actual: string;
  readonly met: boolean;
}

export function checkGoals(floor: ScenarioResult, service: ScenarioResult): GoalCheck[] {
  const share = service.measured.burst.perSecond / floor.measured.burst.perSecond;
  const refused = service.measured.burst.sent - service.measured.burst.accepted;
  return [
    { goal: `answers/s ≥ ${GOALS.minShareOfFloor * 100}% of the floor`, actual: `${(share * 100).toFixed(0)}% (${fixed(service.measured.burst.perSecond)} vs ${fixed(floor.measured.burst.perSecond)})`, met: share >= GOALS.minShareOfFloor },
    { goal: 'no answer lost (stored = sent)', actual: `${service.lost} lost (${service.stored} of ${service.measured.burst.sent} stored)`, met: service.lost <= GOALS.maxLost },
    { goal: 'every answer acknowledged with the recorded-answer card', actual: `${refused} not`, met: refused === 0 },
    { goal: `service peak RSS < ${GOALS.maxPeakRssMb} MB`, actual: service.peakRssMb === undefined ? 'unknown' : `${fixed(service.peakRssMb)} MB`, met: (service.peakRssMb ?? Infinity) < GOALS.maxPeakRssMb },
  ];
}

export function machine() {
  return { node: process.version, platform: `${process.platform} ${process.arch}`, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30) };
}

const fixed = (n: number | undefined, digits = 0) => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits));

export function markdownReport(options: { answers: number; concurrency: number; warmup: number; loadBefore: number; scenarios: ScenarioResult[]; goals: GoalCheck[] }): string {
  const m = machine();
  const rows = options.scenarios.map((s) => {
    const b = s.measured.burst;
    const cpu = s.measured.cpuMsPerAnswer;
    return `| ${s.name} | ${fixed(b.perSecond)} | ${fixed(b.p50Ms, 1)} | ${fixed(b.p99Ms, 1)} | ${b.sent} | ${s.stored} | ${s.lost} | ${b.sent - b.accepted} | ${fixed(s.peakRssMb)} | ${fixed(cpu.bot, 2)} / ${fixed(cpu.azurite, 2)} / ${fixed(cpu.loadGenerator, 2)} |`;
  });
  return [
    `## Answer burst: ${options.answers.toLocaleString('en-GB')} distinct staff, one condition, ${options.concurrency} concurrent (after ${options.warmup} warm-up answers)`,
    '',
    `Node ${m.node}, ${m.platform}, ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB. Load average before the run: ${options.loadBefore.toFixed(2)} (other work on the machine skews the figures). Azurite (in memory) in its own process, each bot in its own process, Teams' connector played by the tests' fake.`,
    '',
    '| bot | answers/s | p50 ms | p99 ms | sent | stored | lost | not acknowledged | peak RSS MB | CPU ms per answer: bot / Azurite / load generator |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    '| goal | actual | met |',
    '|---|---|---|',
    ...options.goals.map((g) => `| ${g.goal} | ${g.actual} | ${g.met ? 'yes' : '**no**'} |`),
    '',
    ...options.scenarios.flatMap((s) => [...s.measured.burst.failures.map((f) => `- ${s.name}, not acknowledged: ${f}`), ...s.notes.map((n) => `- ${n}`)]),
  ].join('\n');
}
