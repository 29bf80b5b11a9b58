import { randomUUID } from 'node:crypto';

/**
 * Activities as Teams sends them to the bot, for a mock team. Shapes follow what Teams
 * (and the Agents Playground) post: channelData.team/tenant, aadObjectId on `from`,
 * `<at>` mentions in the text with matching mention entities.
 */
export const TENANT_ID = '72f988bf-0000-4000-8000-000000000001';
export const BOT = { id: '28:practice-audit-bot', name: 'Practice Audit' };
export const TEAM = { id: '19:north-general@thread.tacv2', name: "Children's Services – North" };
export const OTHER_TEAM = { id: '19:south-general@thread.tacv2', name: "Children's Services – South" };

export interface TestPerson {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId: string;
}

export const person = (name: string, n: number): TestPerson => ({
  id: `29:user-${n}`,
  name,
  aadObjectId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
});

export const PEOPLE = {
  champion: person('Amara Okafor', 1),
  practitioner: person('Ben Hughes', 2),
  manager: person('Chloe Singh', 3),
  leader: person('David Evans', 4),
  admin: person('Ewa Nowak', 5),
  outsider: person('Frank Moore', 6),
} as const;

export const asRosterMember = (p: TestPerson) => ({ id: p.id, name: p.name, aadObjectId: p.aadObjectId });

type Activity = Record<string, unknown>;

function base(serviceUrl: string, from: TestPerson): Activity {
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: { id: BOT.id, name: BOT.name },
  };
}

function inChannel(team: { id: string; name: string }, threadId = '1700000000000'): Activity {
  return {
    conversation: { id: `${team.id};messageid=${threadId}`, conversationType: 'channel', isGroup: true, tenantId: TENANT_ID },
    channelData: { team: { id: team.id, name: team.name }, channel: { id: team.id, name: 'General' }, tenant: { id: TENANT_ID } },
  };
}

function inPersonalChat(p: TestPerson): Activity {
  return {
    conversation: { id: `a:personal-${p.aadObjectId}`, conversationType: 'personal', tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID } },
  };
}

/** "@Practice Audit start" in the team's channel; extra people may be @mentioned. */
export function channelCommand(serviceUrl: string, from: TestPerson, words: string, options: { mention?: TestPerson[]; team?: typeof TEAM } = {}): Activity {
  const mentioned = options.mention ?? [];
  const text = `<at>${BOT.name}</at> ${words}${mentioned.map((m) => ` <at>${m.name}</at>`).join('')}`;
  const entities = [BOT, ...mentioned].map((m) => ({ type: 'mention', text: `<at>${m.name}</at>`, mentioned: { id: m.id, name: m.name } }));
  return { ...base(serviceUrl, from), ...inChannel(options.team ?? TEAM), type: 'message', text, textFormat: 'plain', entities };
}

export function personalMessage(serviceUrl: string, from: TestPerson, text: string): Activity {
  return { ...base(serviceUrl, from), ...inPersonalChat(from), type: 'message', text, textFormat: 'plain' };
}

/** An Action.Execute press: card inputs are merged into `data`, as Teams does. */
export function cardAction(serviceUrl: string, from: TestPerson, verb: string, data: Record<string, unknown>, where: 'channel' | 'personal' = 'channel', team = TEAM): Activity {
  return {
    ...base(serviceUrl, from),
    ...(where === 'channel' ? inChannel(team) : inPersonalChat(from)),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** The app added to a team: Teams sends installationUpdate with the installer as `from`. */
export function installedInTeam(serviceUrl: string, from: TestPerson, team = TEAM): Activity {
  return { ...base(serviceUrl, from), ...inChannel(team), type: 'installationUpdate', action: 'add' };
}

/** The app removed from a team: installationUpdate with action "remove". */
export function uninstalledFromTeam(serviceUrl: string, from: TestPerson, team = TEAM): Activity {
  return { ...base(serviceUrl, from), ...inChannel(team), type: 'installationUpdate', action: 'remove' };
}

/** Teams announces a personal install twice: this, then the conversationUpdate below. */
export function installedPersonally(serviceUrl: string, from: TestPerson): Activity {
  return { ...base(serviceUrl, from), ...inPersonalChat(from), type: 'installationUpdate', action: 'add' };
}

export function botAddedToPersonalChat(serviceUrl: string, from: TestPerson): Activity {
  return { ...base(serviceUrl, from), ...inPersonalChat(from), type: 'conversationUpdate', membersAdded: [{ id: BOT.id }] };
}
