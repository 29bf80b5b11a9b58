import { HandledActivities } from '../../bot/storage/handledActivities';
import { ensureAuditTables, openAuditTables, type AuditTables } from '../../bot/storage/tables';
import { testConnectionString, uniqueTablePrefix } from '../support/suiteAzurite';

const CHAT = 'a:1Xq-personal-chat-of-ben-hughes';
const KEY = 'test-respondent-key-0123456789abcdef0123456789';

let tables: AuditTables;
beforeAll(async () => {
  tables = openAuditTables({ kind: 'connectionString', connectionString: testConnectionString() }, uniqueTablePrefix());
  await ensureAuditTables(tables);
});

it('lets one of many deliveries of an activity claim its effect, on any instance', async () => {
  const [one, other] = [new HandledActivities(tables.activities, KEY), new HandledActivities(tables.activities, KEY)];
  const claims = await Promise.all([one.claim(CHAT, 'f:invoke-1'), other.claim(CHAT, 'f:invoke-1'), one.claim(CHAT, 'f:invoke-1')]);
  expect(claims.filter(Boolean)).toHaveLength(1);
  expect(await other.claim(CHAT, 'f:invoke-1')).toBe(false);
  expect(await other.claim(CHAT, 'f:invoke-2')).toBe(true);
  expect(await other.claim('a:someone-else', 'f:invoke-1')).toBe(true);
});

it('stores nothing that names the chat or the activity', async () => {
  await new HandledActivities(tables.activities, KEY).claim(CHAT, 'f:invoke-3');
  const rows: unknown[] = [];
  for await (const row of tables.activities.listEntities()) rows.push(row);
  expect(rows.length).toBeGreaterThan(0);
  expect(JSON.stringify(rows)).not.toMatch(/personal-chat|invoke-3/);
});
