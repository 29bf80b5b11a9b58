import { MembersRepository, type RememberedLevel } from '../../bot/storage/membersRepository';
import { RememberedLevels } from '../../bot/storage/rememberedLevels';
import { ensureAuditTables, openAuditTables } from '../../bot/storage/tables';
import { testConnectionString, uniqueTablePrefix } from '../support/suiteAzurite';

/** A real repository against Azurite that counts its batch writes and can be made to fail. */
class ObservedMembers extends MembersRepository {
  batches = 0;
  failNext = false;
  override async rememberLevels(teamId: string, levels: readonly RememberedLevel[]) {
    this.batches += 1;
    if (this.failNext) {
      this.failNext = false;
      throw Object.assign(new Error('storage unavailable'), { name: 'RestError' });
    }
    return super.rememberLevels(teamId, levels);
  }
}

let members: ObservedMembers;
beforeAll(async () => {
  const tables = openAuditTables({ kind: 'connectionString', connectionString: testConnectionString() }, uniqueTablePrefix());
  await ensureAuditTables(tables);
  members = new ObservedMembers(tables.members);
});

it('answers from what it holds at once, and writes a burst for a team in one go', async () => {
  const levels = new RememberedLevels(members, { delayMs: 50, onError: () => undefined });
  for (let i = 0; i < 120; i += 1) levels.remember('team-x', `person-${i}`, i % 2 ? 'practitioner' : 'supervisor', '2026-11-25T10:00:00Z');
  levels.remember('team-x', 'person-0', 'senior-leader', '2026-11-25T10:01:00Z'); // changed their mind
  expect(await levels.levelOf('team-x', 'person-0')).toBe('senior-leader');
  await levels.drain();
  expect(members.batches).toBe(1);
  expect(await members.levelOf('team-x', 'person-0')).toBe('senior-leader');
  expect(await members.levelOf('team-x', 'person-119')).toBe('practitioner');
});

it('keeps levels it could not write and writes them with the next ones', async () => {
  const errors: unknown[] = [];
  const levels = new RememberedLevels(members, { delayMs: 10, onError: (error) => errors.push(error) });
  members.failNext = true;
  levels.remember('team-y', 'early', 'volunteer', '2026-11-25T10:00:00Z');
  await levels.drain();
  expect(errors).toHaveLength(1);
  expect(await levels.levelOf('team-y', 'early')).toBe('volunteer'); // still held
  levels.remember('team-y', 'later', 'partner-agency', '2026-11-25T10:05:00Z');
  await levels.drain();
  expect(await members.levelOf('team-y', 'early')).toBe('volunteer');
  expect(await members.levelOf('team-y', 'later')).toBe('partner-agency');
});
