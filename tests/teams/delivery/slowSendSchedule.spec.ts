// The app-wide limit shared by instances (issue 10) when Table storage answers slowly: each claim
// of send slots then takes most of a second, but still less than the wait after which the
// instance gives the shared schedule up (CLAIM_TIMEOUT_MS). Storage is the suite's Azurite behind
// a slow link (a TCP relay that holds each answer back), so the real SendSchedule is used.
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { SendSchedule } from '../../../bot/storage/sendSchedule';
import { ensureAuditTables, openAuditTables } from '../../../bot/storage/tables';
import { createSharedAppSlots, LATE_TOLERANCE_MS, SLOT_MS } from '../../../bot/teams/delivery/sharedAppLimit';
import { mostWithin } from '../../support/fakeConnector/recordedCalls';
import { testConnectionString, uniqueTablePrefix } from '../../support/suiteAzurite';

/** Holds every chunk Azurite sends back for this long, in order: a link with that much delay one way. */
const ANSWER_DELAY_MS = 450;

/** A relay to the suite's Azurite table service that delays its answers. */
const sockets = new Set<Socket>();
async function slowRelayTo(host: string, port: number): Promise<Server> {
  const relay = createServer((client) => {
    const upstream = connect(port, host);
    sockets.add(client).add(upstream);
    client.pipe(upstream);
    upstream.on('data', (chunk) => setTimeout(() => client.writable && client.write(chunk), ANSWER_DELAY_MS));
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', () => setTimeout(end, ANSWER_DELAY_MS + 10));
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  return relay;
}

let relay: Server | undefined;
afterAll(async () => {
  sockets.forEach((socket) => socket.destroy());
  await new Promise<void>((resolve) => (relay ? relay.close(() => resolve()) : resolve()));
});

test('when storage answers slowly (each claim most of a second), requests still start, one a slot', async () => {
  const connectionString = testConnectionString();
  const endpoint = /TableEndpoint=(http:\/\/[^;]+)/.exec(connectionString)![1]!;
  const { hostname, port } = new URL(endpoint);
  relay = await slowRelayTo(hostname, Number(port));
  const prefix = uniqueTablePrefix();
  await ensureAuditTables(openAuditTables({ kind: 'connectionString', connectionString }, prefix));
  const slow = connectionString.replace(/TableEndpoint=http:\/\/[^/;]+/, `TableEndpoint=http://127.0.0.1:${(relay.address() as AddressInfo).port}`);
  const unavailable: unknown[] = [];
  const slots = createSharedAppSlots({ schedule: new SendSchedule(openAuditTables({ kind: 'connectionString', connectionString: slow }, prefix).sendSchedule), onScheduleUnavailable: (error) => unavailable.push(error) });

  const starts: number[] = [];
  await Promise.all(Array.from({ length: 10 }, () => slots.takeSlot().then(() => void starts.push(Date.now()))));

  expect(starts).toHaveLength(10);
  expect(unavailable).toEqual([]);
  const sorted = [...starts].sort((a, b) => a - b);
  expect(Math.min(...sorted.slice(1).map((t, i) => t - sorted[i]!))).toBeGreaterThanOrEqual(SLOT_MS - LATE_TOLERANCE_MS - 2);
  expect(mostWithin(starts, 1_000)).toBeLessThanOrEqual(Math.ceil((1000 + LATE_TOLERANCE_MS + 2) / SLOT_MS));
}, 30_000);
