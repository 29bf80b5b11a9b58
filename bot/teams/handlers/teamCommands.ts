import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Person } from '../../app/auditServices';
import { addChampion, championsSentence, joinNames, removeChampion } from '../../app/champions';
import { championsOpenRound, roundStatus } from '../../app/roundStatus';
import { startRound } from '../../app/startRound';
import { AuditError } from '../../domain/errors';
import { noticeCard, statusCard } from '../cards';
import type { Command } from '../commands';
import { personOf, postingAddressOf, teamOf } from '../teamsActivity';
import type { BotDeps } from './botDeps';
import { askToCloseRound } from './closeConfirmation';
import { replyWithCard } from './replies';
import { openRoundNotice, publishInBackground, repostNotice } from './roundNotices';

/** start, status, close, repost and champions, in a team channel. Refusals are thrown as AuditErrors. */
export async function handleTeamCommand(context: TurnContext, command: Command, deps: BotDeps): Promise<void> {
  const team = teamOf(context.activity);
  if (!team) throw new AuditError('NOT_IN_A_TEAM');
  const person = personOf(context.activity);
  const { services } = deps;

  switch (command.name) {
    case 'start': {
      const outcome = await startRound(services, { ...team, startedBy: person, postTo: postingAddressOf(context.activity) });
      if (!outcome.started) return replyWithCard(context, openRoundNotice(outcome.openRound));
      return publishInBackground(outcome.round, deps);
    }
    case 'status': {
      const { round, participation } = await roundStatus(services, team.teamId, person);
      return replyWithCard(context, statusCard({ round, participation, privacyThreshold: services.privacyThreshold }));
    }
    case 'close':
      return askToCloseRound(context, team.teamId, person, deps);
    case 'repost': {
      const round = await championsOpenRound(services, team.teamId, person);
      const which = command.all ? 'all' : 'missing';
      const { card, anythingToPost } = repostNotice(round, which);
      await replyWithCard(context, card);
      if (anythingToPost) publishInBackground(round, deps, which);
      return;
    }
    case 'champions':
      return championsCommand(context, command, team.teamId, person, deps);
    default:
      throw new Error(`Not a team command: ${command.name}`);
  }
}

async function championsCommand(context: TurnContext, command: Command, teamId: string, person: Person, deps: BotDeps): Promise<void> {
  const { services } = deps;
  if (!command.action) {
    const names = (await services.champions.list(teamId)).map((c) => c.name);
    return replyWithCard(context, noticeCard({ title: 'Practice champions', text: `${championsSentence(names)} Champions can name others with "champions add @person" and step down with "champions remove @person".` }));
  }
  // "champions remove" with nobody mentioned means stepping down yourself.
  const members = command.mentioned.length > 0 ? await Promise.all(command.mentioned.map((m) => memberOfTeam(context, teamId, m))) : command.action === 'remove' ? [person] : [];
  // Two mentions may still be one person (a user id and an Entra object id): the roster's answer decides.
  const targets = members.filter((member, i) => members.findIndex((m) => m.entraObjectId === member.entraObjectId) === i);
  if (targets.length === 0) throw new AuditError('BAD_REQUEST', 'Please @mention the person to add, for example "champions add @Sam Patel".');
  let champions = await services.champions.list(teamId);
  for (const target of targets) {
    champions = command.action === 'add' ? await addChampion(services, teamId, person, target) : await removeChampion(services, teamId, person, target);
  }
  const verb = command.action === 'add' ? 'added' : 'removed';
  const text = `${joinNames(targets.map((t) => t.name))} ${targets.length === 1 ? 'was' : 'were'} ${verb}. ${championsSentence(champions.map((c) => c.name), { now: true })}`;
  return replyWithCard(context, noticeCard({ title: 'Practice champions', text, tone: 'good' }));
}

/** A mention carries the Teams user id only; the roster gives the Entra object id champions are keyed on. */
async function memberOfTeam(context: TurnContext, teamId: string, mentioned: { id: string; name: string }): Promise<Person> {
  try {
    const member = await TeamsInfo.getTeamMember(context, teamId, mentioned.id);
    if (!member.aadObjectId) throw new AuditError('BAD_REQUEST', `${mentioned.name} could not be found in this team.`);
    return { entraObjectId: member.aadObjectId, name: member.name || mentioned.name, teamsUserId: member.id };
  } catch (error) {
    if ((error as { statusCode?: unknown }).statusCode === 404) throw new AuditError('BAD_REQUEST', `${mentioned.name} is not a member of this team.`);
    throw error;
  }
}
