import type { Answer } from '../../domain/answer';
import { conditionById } from '../../domain/conditions';
import { levelLabel } from '../../domain/levels';
import { ratingLabel } from '../../domain/ratings';
import { respondentIdFor } from '../../domain/respondent';
import type { AuditServices, Person } from '../auditServices';
import { teamsOfTheirs, theirRounds, type TeamOfTheirs, type TheirRound } from './ownRounds';

/** What `my data` reads. */
export type TheirDataDeps = Pick<AuditServices, 'teams' | 'rounds' | 'answers' | 'levels' | 'reminders' | 'champions' | 'plans' | 'activityLog' | 'respondentHmacKey' | 'retention' | 'now'>;

/** The file `my data` sends: its name and its bytes (UTF-8 JSON). */
export interface TheirDataFile {
  readonly name: string;
  readonly bytes: Buffer;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Everything Practice Audit holds about the person (a subject access request under UK GDPR,
 * answered at once), as a JSON file: per team of theirs, their answers in every round still
 * holding them (each comment with what became of its review), the level remembered for them,
 * their reminder opt-outs, whether they are a practice champion, the plan actions they own (by
 * Entra object id), and the activity log entries naming them as the one who acted. Found by their
 * own respondent id and Entra object id only: nothing of anyone else (names of others who acted
 * on their records are left out). Rejects as storage does.
 */
export async function theirDataFile(deps: TheirDataDeps, person: Person, tenantId: string, isMember: (teamId: string) => Promise<boolean>): Promise<TheirDataFile> {
  const now = deps.now();
  const teams = await teamsOfTheirs(deps, tenantId, isMember);
  const rounds = await theirRounds(deps, person, teams, { onlyAnswered: false });
  const perTeam = await Promise.all(teams.map((team) => teamData(deps, person, team, rounds.filter((r) => r.round.teamId === team.teamId))));
  const data = {
    about:
      'Everything Practice Audit holds about you, in the teams of yours it is in. Your answers are stored under a keyed code made from your Microsoft Entra object id, never your name; leaders see them only counted together with others\'. Say "delete my answers" in your chat with Practice Audit to erase them.',
    madeAt: now.toISOString(),
    you: { name: person.name, entraObjectId: person.entraObjectId },
    retentionDays: deps.retention.days,
    teams: perTeam,
  };
  return { name: `practice-audit-my-data-${now.toISOString().slice(0, 10)}.json`, bytes: Buffer.from(`${JSON.stringify(data, null, 2)}\n`, 'utf8') };
}

async function teamData(deps: TheirDataDeps, person: Person, team: TeamOfTheirs, rounds: readonly TheirRound[]) {
  const respondentId = respondentIdFor(person.entraObjectId, deps.respondentHmacKey);
  const [level, isChampion, champions, actions, activity, roundsData] = await Promise.all([
    deps.levels.levelOf(team.teamId, respondentId),
    deps.champions.isChampion(team.teamId, person.entraObjectId),
    deps.champions.list(team.teamId),
    deps.plans.list(team.teamId),
    activityOf(deps, team.teamId, person),
    Promise.all(rounds.map((r) => roundData(deps, r, respondentId))),
  ]);
  const champion = isChampion ? champions.find((c) => c.entraObjectId === person.entraObjectId) : undefined;
  return {
    team: team.teamName,
    rememberedLevel: level ? levelLabel(level) : null,
    practiceChampion: champion ? { since: champion.addedAt } : null,
    rounds: roundsData.filter((r) => r.answers.length > 0 || r.optedOutOfReminders),
    planActionsYouOwn: actions
      .filter((a) => a.ownerMember?.entraObjectId === person.entraObjectId)
      .map((a) => ({ condition: conditionById(a.conditionId).number, need: a.need, progress: a.progress, owner: a.owner, dueDate: a.dueDate, status: a.status, createdAt: a.createdAt, doneAt: a.doneAt })),
    activityLog: activity,
  };
}

async function roundData({ reminders, retention }: TheirDataDeps, { round, answers }: TheirRound, respondentId: string) {
  const optedOut = await reminders.optOuts.hasOptedOut(round.roundId, respondentId);
  const closedAt = round.status === 'closed' ? (round.closedAt ?? round.openedAt) : undefined;
  return {
    round: round.number,
    status: round.status,
    openedAt: round.openedAt,
    ...(closedAt ? { closedAt, answersDeletedAfter: new Date(Date.parse(closedAt) + retention.days * DAY_MS).toISOString() } : {}),
    optedOutOfReminders: optedOut,
    answers: answers.map(answerData),
  };
}

function answerData(answer: Answer) {
  const condition = conditionById(answer.conditionId);
  const review = answer.commentReview;
  return {
    condition: condition.number,
    conditionText: condition.text,
    rating: ratingLabel(answer.rating),
    level: levelLabel(answer.level),
    comment: answer.comment,
    ...(review ? { commentReview: review.state, ...(review.state === 'redacted' ? { commentAsLeadersSeeIt: review.text } : {}) } : {}),
    answeredAt: answer.answeredAt,
    answeredIn: answer.via,
  };
}

/** The team's log entries naming them as the one who acted (by Entra object id), or why there are none to give. */
async function activityOf({ activityLog }: TheirDataDeps, teamId: string, person: Person) {
  const { entries } = await activityLog.read(teamId);
  return entries
    .filter((e) => e.actor.kind === 'person' && e.actor.entraObjectId === person.entraObjectId)
    .map((e) => ({ at: e.at, kind: e.kind, summary: e.summary }));
}
