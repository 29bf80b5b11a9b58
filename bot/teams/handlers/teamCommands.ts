import type { Person } from '../../app/auditServices';
import { addChampion, championsSentence, joinNames, removeChampion } from '../../app/champions';
import { latestReminders } from '../../app/reminders/waveOutcome';
import { championsOpenRound, roundStatus } from '../../app/roundStatus';
import { AuditError } from '../../domain/errors';
import { noticeCard, statusCard } from '../cards';
import type { Command } from '../commands';
import { personOf, teamOf } from '../teamsActivity';
import type { TeamsTurn } from '../teamsPort';
import type { BotDeps } from './botDeps';
import { askToCloseRound } from './closeConfirmation';
import { extendCommand } from './extend';
import { askForCloseDate } from './openRound';
import { remindCommand } from './reminders';
import { publishInBackground, repostNotice } from './roundNotices';
import { showSettings } from './teamSettings';

/** start, status, close, extend, settings, repost and champions, in a team channel. Refusals are thrown as AuditErrors. */
export async function handleTeamCommand(turn: TeamsTurn, command: Command, deps: BotDeps): Promise<void> {
  const team = teamOf(turn.activity);
  if (!team) throw new AuditError('NOT_IN_A_TEAM');
  const person = personOf(turn.activity);
  const { services } = deps;

  switch (command.name) {
    case 'start':
      return askForCloseDate(turn, team.teamId, person, deps);
    case 'status': {
      const { round, participation, teamSize, overdueActions } = await roundStatus(services, team.teamId, person);
      const reminders = await latestReminders(services, round.roundId);
      return turn.reply(statusCard({ round, participation, teamSize, overdueActions, privacyThreshold: services.privacyThreshold, ...(reminders ? { reminders } : {}) }));
    }
    case 'close':
      return askToCloseRound(turn, team.teamId, person, deps);
    case 'extend':
      return extendCommand(turn, command.text.replace(/^\S+\s*/, ''), team.teamId, person, deps);
    case 'settings':
      return showSettings(turn, team.teamId, person, deps);
    case 'repost': {
      const round = await championsOpenRound(services, team.teamId, person);
      const which = command.all ? 'all' : 'missing';
      const { card, anythingToPost } = repostNotice(round, which);
      await turn.reply(card);
      if (anythingToPost) publishInBackground(round, deps, which, turn.address);
      return;
    }
    case 'remind':
      return remindCommand(turn, team.teamId, person, deps);
    case 'champions':
      return championsCommand(turn, command, team.teamId, person, deps);
    default:
      throw new Error(`Not a team command: ${command.name}`);
  }
}

async function championsCommand(turn: TeamsTurn, command: Command, teamId: string, person: Person, deps: BotDeps): Promise<void> {
  const { services } = deps;
  if (!command.action) {
    const names = (await services.champions.list(teamId)).map((c) => c.name);
    return turn.reply(noticeCard({ title: 'Practice champions', text: `${championsSentence(names)} Champions can name others with "champions add @person" and step down with "champions remove @person".` }));
  }
  // "champions remove" with nobody mentioned means stepping down yourself.
  const members = command.mentioned.length > 0 ? await Promise.all(command.mentioned.map((m) => memberOfTeam(turn, teamId, m))) : command.action === 'remove' ? [person] : [];
  // Two mentions may still be one person (a user id and an Entra object id): the roster's answer decides.
  const targets = members.filter((member, i) => members.findIndex((m) => m.entraObjectId === member.entraObjectId) === i);
  if (targets.length === 0) throw new AuditError('BAD_REQUEST', 'Please @mention the person to add, for example "champions add @Sam Patel".');
  let champions = await services.champions.list(teamId);
  for (const target of targets) {
    champions = command.action === 'add' ? await addChampion(services, teamId, person, target) : await removeChampion(services, teamId, person, target);
  }
  const verb = command.action === 'add' ? 'added' : 'removed';
  const text = `${joinNames(targets.map((t) => t.name))} ${targets.length === 1 ? 'was' : 'were'} ${verb}. ${championsSentence(champions.map((c) => c.name), { now: true })}`;
  return turn.reply(noticeCard({ title: 'Practice champions', text, tone: 'good' }));
}

/** A mention carries the Teams user id only; the roster gives the Entra object id champions are keyed on. */
async function memberOfTeam(turn: TeamsTurn, teamId: string, mentioned: { id: string; name: string }): Promise<Person> {
  const member = await turn.readMember(teamId, mentioned.id);
  if (!member) throw new AuditError('BAD_REQUEST', `${mentioned.name} is not a member of this team.`);
  if (!member.aadObjectId) throw new AuditError('BAD_REQUEST', `${mentioned.name} could not be found in this team.`);
  return { entraObjectId: member.aadObjectId, name: member.name || mentioned.name, teamsUserId: member.id };
}
