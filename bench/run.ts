import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedAzurite } from '../bot/storage/embeddedAzurite';
import { startFakeConnector } from '../tests/support/fakeConnector';
import { runFloorScenario } from './floorScenario';
import { childPidsMatching } from './procStats';
import { checkGoals, GOALS, machine, markdownReport } from './report';
import { reminderRunReport, runReminderRun } from './reminderRun';
import { answeringReport, runOneGoPlayground } from './oneGoPlayground';
import { runServiceScenario } from './serviceScenario';
import type { ScenarioResult } from './scenario';
import { runSummaryRead, summaryReport } from './summaryRead';
import { runWordReport, wordReportReport } from './wordReport';
import { pooledRuns, runOrganisationRead, type OrganisationReadResult } from './organisationRead';
import { organisationReport } from './organisationReport';
import { runServiceRoundOpening } from './serviceRoundOpening';

/**
 * `npm run bench`: the answer burst of the issue. One Azurite (in memory, own process) and
 * the tests' fake connector serve both bots under test, each run alone in its own process:
 * first the floor (a bare botbuilder bot, one upsert per invoke), then the service.
 *
 *   --answers=2000 --concurrency=50 --warmup=100   the load
 *   --cpu-prof                                     CPU profiles of both bots in bench-results/profiles/
 *                                                  (read them with node dist/bench/profileSummary.js FILE)
 *   --strict                                       exit 1 when a goal is not met (always 1 when answers are lost)
 *   --summary-staff=2000[,20000]                   staff whose answers the summary read starts from
 *   --summary-only                                 skip the answer burst
 *   --reminder-members=2000                        members (none has answered) of the reminder run
 *   --reminders-only                               only the reminder run (two instances, one `remind`)
 *   --skip-reminders                               everything but the reminder run (about 95 s)
 *   --answering-only                               only answering all twelve conditions in the Agents Playground
 *   --word-staff=2000 --word-actions=30 --word-runs=10   the Word report's round, plan and runs
 *   --word-report-only                             only the Word report (a few seconds)
 *   --organisation-teams=50,10 --organisation-staff=300 --organisation-reads=200 --organisation-runs=3
 *                                                  the organisation view's reads (issue 13): teams (the first also
 *                                                  opens a service-wide round), staff a team, reads of each round
 *                                                  a run, runs of each size (in turn; their reads pooled)
 *   --organisation-only                            only the organisation view's reads and opening (about 4 minutes)
 *   --skip-organisation                            everything but those
 */
const ROOT = join(__dirname, '../..');
const RESULTS = join(ROOT, 'bench-results');

function option(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = arg ? Number(arg.split('=')[1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
  return value;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const cleanups: Array<() => Promise<void>> = [];
async function cleanUp(): Promise<void> {
  while (cleanups.length > 0) await cleanups.pop()!().catch(() => undefined);
}

async function main(): Promise<number> {
  if (flag('word-report-only')) return wordReportOnly();
  const answers = option('answers', 2000);
  const concurrency = option('concurrency', 50);
  const warmup = option('warmup', 100);
  const cpuProfileDir = flag('cpu-prof') ? join(RESULTS, 'profiles') : undefined;
  if (cpuProfileDir) mkdirSync(cpuProfileDir, { recursive: true });
  const started = Date.now();
  const stamp = new Date(started).toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  const profiling = (name: string) => (cpuProfileDir ? { execArgv: ['--cpu-prof', '--cpu-prof-dir', cpuProfileDir, '--cpu-prof-name', `${name}-${stamp}.cpuprofile`] } : {});
  const loadBefore = loadavg()[0]!;

  const azurite = await startEmbeddedAzurite({ inMemory: true });
  cleanups.push(() => azurite.stop());
  const azuritePid = childPidsMatching(process.pid, 'azurite')[0];
  // Every member id is a member: the burst's thousands of staff have no roster to set.
  const connector = await startFakeConnector({ everyoneIsAMember: true });
  cleanups.push(() => connector.close());
  const shared = { connectionString: azurite.connectionString, ...(azuritePid ? { azuritePid } : {}), answers, warmup, concurrency };

  if (flag('reminders-only')) return remindersOnly(azurite.connectionString, connector);
  if (flag('organisation-only')) return organisationOnly(azurite.connectionString);
  const answeringOnly = flag('answering-only');
  let burst: { floor: ScenarioResult; service: ScenarioResult } | undefined;
  if (!flag('summary-only') && !answeringOnly) {
    process.stderr.write(`Floor: ${warmup} warm-up, then ${answers} answers at ${concurrency} concurrent…\n`);
    const floor = await runFloorScenario({ ...shared, serviceUrl: connector.serviceUrl, ...profiling('floor') });
    process.stderr.write(`Service: set-up, ${warmup} warm-up, then ${answers} answers at ${concurrency} concurrent…\n`);
    burst = { floor, service: await runServiceScenario({ ...shared, connector, ...profiling('service') }) };
  }
  const summaryStaff = (process.argv.find((a) => a.startsWith('--summary-staff='))?.split('=')[1] ?? '2000').split(',').map(Number);
  const summaryReads = [];
  const onlyOne = flag('summary-only') || answeringOnly;
  if (!answeringOnly) {
    process.stderr.write(`Summary read: seeding ${summaryStaff.join(' then ')} staff × 12 conditions, then 300 reads each…\n`);
    for (const staff of summaryStaff) summaryReads.push(await runSummaryRead({ staff, requests: 300, measureTab: staff === summaryStaff[0] }));
  }
  const reminders = onlyOne || flag('skip-reminders') ? undefined : await reminderRun(azurite.connectionString, connector);
  const word = onlyOne ? undefined : await wordReport();
  const organisation = onlyOne || flag('skip-organisation') ? undefined : await organisationPart(azurite.connectionString);
  const answering = flag('summary-only') ? [] : await answeringInThePlayground(azurite.connectionString);
  await cleanUp();

  if (organisation) process.stdout.write(`${organisation.markdown}\n\n`);
  const goals = burst ? checkGoals(burst.floor, burst.service) : [];
  const report = burst ? `${markdownReport({ answers, concurrency, warmup, loadBefore, scenarios: [burst.floor, burst.service], goals })}\n\n` : '';
  const summary = summaryReads.length > 0 ? `${summaryReport(summaryReads)}\n\n` : '';
  const answered = answering.length > 0 ? `${answeringReport(answering)}\n\n` : '';
  process.stdout.write(`${report}${summary}${reminders ? `${reminders.markdown}\n\n` : ''}${word ? `${wordReportReport(word)}\n\n` : ''}${answered}Bench took ${((Date.now() - started) / 1000).toFixed(0)} s.${cpuProfileDir ? ` CPU profiles in ${cpuProfileDir}.` : ''}\n`);

  mkdirSync(RESULTS, { recursive: true });
  const json = { at: new Date().toISOString(), machine: { ...machine(), loadAverageBefore: loadBefore }, load: { answers, concurrency, warmup }, goals: GOALS, checks: goals, ...burst, summaryReads, ...(reminders ? { reminders: reminders.result } : {}), ...(word ? { wordReport: word } : {}), answering };
  writeFileSync(join(RESULTS, burst ? 'latest.json' : answeringOnly ? 'latest-answering.json' : 'latest-summary.json'), `${JSON.stringify(json, null, 2)}\n`);

  const lostOrRefused = (burst ? [burst.floor, burst.service].some((s) => s.lost > 0 || s.measured.burst.accepted < s.measured.burst.sent) : false) || answering.some((a) => a.stored !== 12);
  if (lostOrRefused) return 1;
  if (reminders && (reminders.result.duplicates > 0 || reminders.result.missed > 0)) return 1;
  if (organisation && flag('strict') && !organisation.met) return 1;
  return flag('strict') && (goals.some((g) => !g.met) || reminders?.met === false || word?.met === false) ? 1 : 0;
}

async function answeringInThePlayground(connectionString: string) {
  process.stderr.write('Answering all twelve conditions in the Agents Playground: on the one-go form, then on the cards…\n');
  return runOneGoPlayground({ connectionString });
}

async function reminderRun(connectionString: string, connector: Awaited<ReturnType<typeof startFakeConnector>>) {
  const members = option('reminder-members', 2000);
  process.stderr.write(`Reminder run: ${members} members who have not answered, two instances, one "remind"…\n`);
  const result = await runReminderRun({ connectionString, connector, members });
  return { result, ...reminderRunReport(result) };
}

/** The organisation view's reads at each size, then a service-wide round opened in the first size's teams (issue 13). */
async function organisationPart(connectionString: string) {
  const teams = (process.argv.find((a) => a.startsWith('--organisation-teams='))?.split('=')[1] ?? '50,10').split(',').map(Number);
  const staff = option('organisation-staff', 300);
  const requests = option('organisation-reads', 200);
  const runs = option('organisation-runs', 3);
  const loadBefore = loadavg()[0]!;
  const bySize = new Map(teams.map((count) => [count, [] as OrganisationReadResult[]]));
  // The sizes in turn, `runs` times: drift on the machine falls on every size alike.
  for (let run = 1; run <= runs; run += 1) {
    for (const count of teams) {
      process.stderr.write(`Organisation view (run ${run} of ${runs}): ${count} teams of ${staff} staff, ${requests} reads of a released and an open service-wide round while answers arrive…\n`);
      bySize.get(count)!.push(await runOrganisationRead({ teams: count, staff, requests, ...(flag('cpu-prof') ? { execArgv: ['--cpu-prof', '--cpu-prof-dir', join(RESULTS, 'profiles'), '--cpu-prof-name', `organisation-${count}-${Date.now()}.cpuprofile`] } : {}) }));
    }
  }
  const reads = [...bySize.values()].map(pooledRuns);
  process.stderr.write(`Organisation: opening a service-wide round in ${teams[0]} teams…\n`);
  const opening = await runServiceRoundOpening({ connectionString, teams: teams[0]! });
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'latest-organisation.json'), `${JSON.stringify({ at: new Date().toISOString(), machine: { ...machine(), loadAverageBefore: loadBefore }, reads, opening }, null, 2)}\n`);
  return organisationReport(reads, opening, loadBefore);
}

async function organisationOnly(connectionString: string): Promise<number> {
  const { markdown, met } = await organisationPart(connectionString);
  await cleanUp();
  process.stdout.write(`${markdown}\n`);
  return flag('strict') && !met ? 1 : 0;
}

async function wordReport() {
  const options = { staff: option('word-staff', 2000), actions: option('word-actions', 30), runs: option('word-runs', 10) };
  process.stderr.write(`Word report: ${options.staff} staff, a ${options.actions}-action plan, ${options.runs} runs…\n`);
  return runWordReport(options);
}

async function wordReportOnly(): Promise<number> {
  const result = await wordReport();
  process.stdout.write(`${wordReportReport(result)}\n`);
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'latest-word-report.json'), `${JSON.stringify({ at: new Date().toISOString(), machine: { ...machine(), loadAverageBefore: loadavg()[0]! }, wordReport: result }, null, 2)}\n`);
  return flag('strict') && !result.met ? 1 : 0;
}

async function remindersOnly(connectionString: string, connector: Awaited<ReturnType<typeof startFakeConnector>>): Promise<number> {
  const reminders = await reminderRun(connectionString, connector);
  await cleanUp();
  process.stdout.write(`${reminders.markdown}\n`);
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'latest-reminders.json'), `${JSON.stringify({ at: new Date().toISOString(), machine: machine(), reminders: reminders.result }, null, 2)}\n`);
  if (reminders.result.duplicates > 0 || reminders.result.missed > 0) return 1;
  return flag('strict') && !reminders.met ? 1 : 0;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stderr.write(`Received ${signal}; stopping the bench.\n`);
    // Children still running are killed by their exit hooks; the bench exits whether or not
    // the clean-up succeeds.
    void cleanUp().finally(() => process.exit(130));
  });
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    process.stderr.write(`Bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    await cleanUp();
    process.exit(1);
  },
);
