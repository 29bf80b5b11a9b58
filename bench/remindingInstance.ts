// One instance of the service for the bench's reminder run (bench/tenantLimit.ts), in its own
// process as on its own App Service instance: the real service, configured from its environment
// as dist/bot/index.js is, which opens a one-to-one chat with each person the bench names, all at
// once, through its Teams port (the connector pipeline every call to Teams goes through).
import type { PostingAddress } from '../bot/domain/auditRound';
import { loadConfig } from '../bot/config/loadConfig';
import { startService } from '../bot/service';
import { noticeCard } from '../bot/teams/cards';
import { httpStatusOf } from '../bot/teams/delivery/retry';

/** What the bench asks (over Node's IPC channel), and what the instance answers when every chat is open or refused. */
export interface RemindOrder {
  readonly via: PostingAddress;
  readonly people: readonly string[];
}
export interface RemindOutcome {
  readonly sent: number;
  /** People Teams refused, by HTTP status ("network" when there was none). */
  readonly refused: Record<string, number>;
}

const REMINDER = noticeCard({ text: 'Audit round 1 closes on Friday: some conditions are still open for you.' });

async function main(): Promise<void> {
  const service = await startService(loadConfig());
  process.on('message', (order: RemindOrder) => {
    void Promise.all(order.people.map((person) => service.teamsPort.openPersonalChat(order.via, person, REMINDER).then(() => undefined, (error: unknown) => String(httpStatusOf(error) ?? 'network')))).then((outcomes) => {
      const refused: Record<string, number> = {};
      for (const status of outcomes) if (status) refused[status] = (refused[status] ?? 0) + 1;
      const outcome: RemindOutcome = { sent: outcomes.filter((status) => !status).length, refused };
      process.send?.(outcome);
    });
  });
  process.once('SIGTERM', () => void service.stop().finally(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(`The reminding instance failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
