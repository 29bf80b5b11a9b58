import { machine, type GoalCheck } from './report';
import type { OrganisationReadResult, ReadLatencies } from './organisationRead';
import { OPENING_LIMITS, type ServiceRoundOpeningResult } from './serviceRoundOpening';

/** The goals for the organisation view (issue 13): p95 under 50 ms at the most teams, and at most 1.5 × the p95 at the fewest. */
const ORGANISATION_GOALS = { maxP95Ms: 50, maxGrowth: 1.5 } as const;

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const row = (g: GoalCheck) => `| ${g.goal} | ${g.actual} | ${g.met ? 'yes' : '**no**'} |`;

/** The read goals, for each round read: the largest organisation's p95 and its growth over the smallest's. */
function checkOrganisationGoals(results: readonly OrganisationReadResult[]): GoalCheck[] {
  const sorted = [...results].sort((a, b) => a.teams - b.teams);
  const [small, large] = [sorted[0], sorted.at(-1)];
  if (!small || !large) return [];
  const goals: GoalCheck[] = [];
  for (const [what, of] of [['released round (summary)', (r: OrganisationReadResult) => r.released], ['open round (response rates)', (r: OrganisationReadResult) => r.open]] as const) {
    const p95 = of(large).p95Ms;
    goals.push({ goal: `${what}: p95 with ${large.teams} teams ≤ ${ORGANISATION_GOALS.maxP95Ms} ms`, actual: `${ms(p95)} ms`, met: p95 <= ORGANISATION_GOALS.maxP95Ms });
    if (large !== small) {
      const growth = p95 / of(small).p95Ms;
      goals.push({ goal: `${what}: p95 with ${large.teams} teams ≤ ${ORGANISATION_GOALS.maxGrowth} × with ${small.teams}`, actual: `${growth.toFixed(2)} ×`, met: growth <= ORGANISATION_GOALS.maxGrowth });
    }
  }
  for (const r of results) {
    const failed = r.released.failed + r.open.failed;
    goals.push({ goal: `${r.teams} teams: every read answered with the round's view`, actual: failed === 0 ? 'all' : `${failed} not (first: ${r.released.firstFailure ?? r.open.firstFailure})`, met: failed === 0 });
    goals.push({ goal: `${r.teams} teams: every answer sent meanwhile recorded`, actual: `${r.answersAccepted} of ${r.answersSent}`, met: r.answersAccepted === r.answersSent });
  }
  return goals;
}

/** The opening's goals: within Teams' limits app-wide and per conversation, and every team's 13 cards posted once. */
function checkOpeningGoals(result: ServiceRoundOpeningResult): GoalCheck[] {
  return [
    { goal: `busiest second app-wide ≤ ${OPENING_LIMITS.perTenantPerSecond} calls`, actual: String(result.busiestSecond), met: result.busiestSecond <= OPENING_LIMITS.perTenantPerSecond },
    { goal: `busiest second in one conversation ≤ ${OPENING_LIMITS.perConversationPerSecond}`, actual: String(result.busiestConversationSecond), met: result.busiestConversationSecond <= OPENING_LIMITS.perConversationPerSecond },
    { goal: `busiest 2 seconds in one conversation ≤ ${OPENING_LIMITS.perConversationPer2Seconds}`, actual: String(result.busiestConversationTwoSeconds), met: result.busiestConversationTwoSeconds <= OPENING_LIMITS.perConversationPer2Seconds },
    { goal: 'every team got its 13 cards, once', actual: `${result.cardsPosted} cards; ${result.teamsWithoutTheirCards} teams without exactly 13`, met: result.teamsWithoutTheirCards === 0 },
  ];
}

const readRow = (r: OrganisationReadResult, what: string, l: ReadLatencies) =>
  `| ${r.teams} | ${what} | ${l.firstMs.toFixed(0)} | ${ms(l.p50Ms)} | ${ms(l.p95Ms)} | ${l.runP95Ms.map(ms).join(', ')} | ${ms(l.maxMs)} | ${l.reads} | ${r.answersSent} | ${r.respondentsFirst.toLocaleString('en-GB')} → ${r.respondentsLast.toLocaleString('en-GB')} |`;

/** The organisation part of the bench as a markdown section, with its goals checked. */
export function organisationReport(reads: readonly OrganisationReadResult[], opening: ServiceRoundOpeningResult | undefined, loadBefore: number): { markdown: string; met: boolean } {
  const readGoals = checkOrganisationGoals(reads);
  const openingGoals = opening ? checkOpeningGoals(opening) : [];
  const m = machine();
  const lines: string[] = [`Node ${m.node}, ${m.platform}, ${m.cpus} × ${m.cpuModel}. Load average before the organisation part: ${loadBefore.toFixed(2)} (other work on the machine skews the figures).`, ''];
  if (reads.length > 0) {
    const staff = reads[0]!.staffPerTeam;
    lines.push(
      `## Organisation view (issue 13): GET /api/organisation/service-rounds/:id, ${staff} staff a team, while answers arrive`,
      '',
      `A released service-wide round (its summary across the teams, from each team round's counts kept at close) and an open one (each team's response rate; half of every team had answered it, ${reads.map((r) => r.answersBefore.toLocaleString('en-GB')).join(' / ')} answers), read in turn, one read every 50 ms, while new people answer through /api/messages (20 a second). Each size is run ${reads[0]!.released.runP95Ms.length} times, the sizes in turn, each run on a fresh service and Azurite; the percentiles are of every run's reads pooled (the first read and the people counted: the first run's).`,
      '',
      '| teams | round | first read ms | p50 ms | p95 ms | p95 of each run, ms | max ms | reads | answers sent meanwhile | open round: people counted, first → last read |',
      '|---:|---|---:|---:|---:|---|---:|---:|---:|---|',
      ...reads.flatMap((r) => [readRow(r, 'released: summary', r.released), readRow(r, 'open: response rates', r.open)]),
      '',
      '| goal | actual | met |',
      '|---|---|---|',
      ...readGoals.map(row),
      '',
    );
  }
  if (opening) {
    const share = opening.seconds / opening.boundSeconds;
    lines.push(
      `## Opening a service-wide round in ${opening.teams} teams (issue 13): one POST, ${opening.teams} × 13 cards`,
      '',
      '| teams | POST answered ms | cards posted | seconds to the last card | bound: connector calls ÷ 50/s | time ÷ bound | connector calls | busiest second app-wide | busiest 1 s / 2 s in one conversation |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|---|',
      `| ${opening.teams} | ${opening.postMs} | ${opening.cardsPosted} | ${opening.seconds.toFixed(1)} | ${opening.boundSeconds.toFixed(1)} s | ${share.toFixed(2)} × (${(100 / share).toFixed(0)}% of the limit's pace) | ${opening.connectorCalls} | ${opening.busiestSecond} | ${opening.busiestConversationSecond} / ${opening.busiestConversationTwoSeconds} |`,
      '',
      '| goal | actual | met |',
      '|---|---|---|',
      ...openingGoals.map(row),
      '',
      ...opening.notes.map((n) => `- ${n}`),
    );
  }
  return { markdown: lines.join('\n').trimEnd(), met: [...readGoals, ...openingGoals].every((g) => g.met) };
}
