import { CONDITIONS, type ConditionId } from '../../bot/domain/conditions';
import type { OrganisationPlans, ServiceRoundListing, ServiceRoundTeamProgress, ServiceRoundView } from '../../bot/domain/organisation/organisationView';
import type { OrganisationTeam } from '../../bot/domain/organisation/serviceRound';
import type { ServiceSummary, TeamConditions } from '../../bot/domain/organisation/serviceSummary';
import { compareRounds, type ScoreChange } from '../../bot/domain/summary/compareRounds';
import type { CellScore, RoundSummary } from '../../bot/domain/summary/roundSummary';
import { cellScoreOf } from '../../bot/domain/organisation/summariseService';
import { shownDifference } from '../../bot/domain/summary/shownScore';
import { conditionSummary, shownCell, withheldCell, type Answers, type Hidden } from './fixtures';

/**
 * An organisation of six teams with the app (and a seventh left out), written by hand against
 * the contracts (bot/domain/organisation/*.ts), privacy outcomes chosen, not computed. Threshold 5.
 * Service-wide round 3 is open: two teams' rounds open, one closed early, one still opening, one
 * not opened (it already had round 4 open), one not opened (the app was removed). Rounds 2 and 1
 * are closed with results; round 2's changes are against round 1. Care leavers (4 answers) is
 * too small to show, and too small to add into the all-teams figures on its own (left out),
 * except for condition 12, where Fostering's 4 hidden answers join it (8: enough to count).
 */
const THRESHOLD = 5;
export const TEAMS = {
  assessment: { teamId: '19:assessment@thread.tacv2', teamName: 'Assessment' },
  careLeavers: { teamId: '19:care-leavers@thread.tacv2', teamName: 'Care leavers' },
  childProtection: { teamId: '19:child-protection@thread.tacv2', teamName: 'Child protection' },
  childrenInCare: { teamId: '19:children-in-care@thread.tacv2', teamName: 'Children in care' },
  fostering: { teamId: '19:fostering@thread.tacv2', teamName: 'Fostering' },
  frontDoor: { teamId: '19:front-door@thread.tacv2', teamName: 'Front door' },
} as const;
const ASKED = Object.values(TEAMS);
const LEFT_OUT = { teamId: '19:youth-justice@thread.tacv2', teamName: 'Youth justice' };

export const SERVICE_ROUNDS = { open: 'sr-3', latestReleased: 'sr-2', first: 'sr-1' } as const;

export function organisationTeams(): OrganisationTeam[] {
  return [...ASKED, LEFT_OUT]
    .map((team, i) => ({ ...team, installedAt: `2025-0${1 + (i % 6)}-1${i}T09:00:00.000Z`, leftOut: team === LEFT_OUT }))
    .sort((a, b) => a.teamName.localeCompare(b.teamName));
}

export function serviceRoundListings(): ServiceRoundListing[] {
  const listing = (serviceRoundId: string, number: number, openedAt: string, closesAt: string, status: 'open' | 'closed'): ServiceRoundListing =>
    ({ serviceRoundId, number, openedAt, openedBy: 'Priya Shah', closesAt, status, teamsAsked: 6 });
  return [
    // Closes at the end of 12 December 2026 (UK): midnight, as 13 December begins.
    listing(SERVICE_ROUNDS.open, 3, '2026-11-28T09:00:00.000Z', '2026-12-13T00:00:00.000Z', 'open'),
    listing(SERVICE_ROUNDS.latestReleased, 2, '2026-05-11T08:00:00.000Z', '2026-05-30T23:00:00.000Z', 'closed'),
    listing(SERVICE_ROUNDS.first, 1, '2025-11-10T09:00:00.000Z', '2025-11-29T00:00:00.000Z', 'closed'),
  ];
}

const rate = (answered: number, members: number) => ({ answered, members, percent: Math.round((answered / members) * 100) });

/** Service-wide round 3, open: progress and response rates only. */
function openRoundTeams(): ServiceRoundTeamProgress[] {
  const { assessment, careLeavers, childProtection, childrenInCare, fostering, frontDoor } = TEAMS;
  return [
    { ...assessment, opening: { state: 'opened', roundId: 'a-5', roundNumber: 5, cards: { posted: 12, notPosted: 0 } }, roundStatus: 'closed', responseRate: rate(30, 34) },
    { ...careLeavers, opening: { state: 'not-opened', reason: 'round-already-open', openRoundNumber: 4 } },
    { ...childProtection, opening: { state: 'opened', roundId: 'cp-3', roundNumber: 3, cards: { posted: 12, notPosted: 0 } }, roundStatus: 'open', responseRate: rate(22, 45) },
    { ...childrenInCare, opening: { state: 'opened', roundId: 'cic-4', roundNumber: 4 }, roundStatus: 'open', responseRate: rate(12, 31) },
    { ...fostering, opening: { state: 'not-opened', reason: 'app-removed' } },
    { ...frontDoor, opening: { state: 'opening' } },
  ];
}

/** Every team of a closed, released round: opened, closed, its rate fixed at close. */
function closedRoundTeams(answered: Record<string, number>): ServiceRoundTeamProgress[] {
  return ASKED.map((team, i) => ({ ...team, opening: { state: 'opened', roundId: `${team.teamId}-r${i}`, roundNumber: 2 }, roundStatus: 'closed', responseRate: rate(answered[team.teamId]!, 40 + i) }));
}

const none: Answers = [0, 0, 0, 0, 0];
const conditionIds = CONDITIONS.map((condition) => condition.id);

/** All teams together by level: senior leaders too few across the shown cuts; business support too few ratings to score. */
function organisationSummary(respondents: number, lift: number): RoundSummary {
  const conditions = conditionIds.map((id, n) => {
    const shift = (n + lift) % 3;
    return conditionSummary(id, {
      practitioner: [10 - shift - lift, 24, 20 + shift + lift, 8 + lift, 6],
      supervisor: [3, 8 + shift, 9 - shift + lift, 4, 1],
      'service-manager': [1, 3, 4, 2 + lift, 0],
      'senior-leader': [0, 1, 1, 1, 0],
      'business-support': [1, 1, 1, 0, 4],
      'partner-agency': none,
      volunteer: none,
    }, { 'senior-leader': 'too-small', 'business-support': 'too-few-judgements' });
  });
  const people = (count: number) => ({ shown: true as const, count });
  return {
    privacyThreshold: THRESHOLD,
    respondents,
    respondentsByLevel: {
      practitioner: people(71), supervisor: people(26), 'service-manager': people(11), 'senior-leader': { shown: false, reason: 'too-small' },
      'business-support': people(7), 'partner-agency': people(0), volunteer: people(0),
    },
    conditions,
  };
}

/** One team's all-staff cut of each condition, as its own tab shows it. */
function teamConditions(team: { teamId: string; teamName: string }, answers: number, lift: number, hidden: Partial<Record<ConditionId, Hidden>> = {}): TeamConditions {
  const conditions = Object.fromEntries(conditionIds.map((id, n): [ConditionId, CellScore] => {
    const reason = hidden[id];
    const shift = (n + lift + team.teamName.length) % 4;
    const spread: Answers = [shift, answers - 8 - shift, 4 + lift, 2, 2 - lift];
    // A team's column shows no distribution (summariseService's cellScoreOf).
    if (reason === 'too-few-judgements') return [id, cellScoreOf(withheldCell([1, 1, 1, 0, answers - 3]))];
    return [id, reason ? { shown: false, reason } : cellScoreOf(shownCell(spread))];
  }));
  return { ...team, conditions: conditions as TeamConditions['conditions'] };
}

const allHidden = Object.fromEntries(conditionIds.map((id) => [id, 'too-small'])) as Record<ConditionId, Hidden>;

function serviceSummary(lift: number): ServiceSummary {
  const { assessment, careLeavers, childProtection, childrenInCare, fostering, frontDoor } = TEAMS;
  const answered = [[assessment, 34], [careLeavers, 4], [childProtection, 41], [childrenInCare, 30], [fostering, 12], [frontDoor, 28]] as const;
  return {
    privacyThreshold: THRESHOLD,
    teams: answered.map(([team, respondents]) => ({ ...team, respondents })),
    organisation: organisationSummary(149, lift),
    coverage: conditionIds.map((conditionId, n) => conditionId === 'C12'
      ? { conditionId, teamsCounted: 6, teamsLeftOut: 0, answersWithoutLevel: 0 }
      : { conditionId, teamsCounted: 5, teamsLeftOut: 1, answersWithoutLevel: n === 0 ? 12 : n % 4 === 0 ? 1 : 0 }),
    byTeam: [
      teamConditions(assessment, 34, lift),
      teamConditions(careLeavers, 4, lift, allHidden),
      teamConditions(childProtection, 41, lift, { C03: 'protects-another' }),
      teamConditions(childrenInCare, 30, lift),
      teamConditions(fostering, 12, lift, { C05: 'too-few-judgements', C12: 'too-small' }),
      teamConditions(frontDoor, 28, lift),
    ],
  };
}

const firstServiceSummary = (): ServiceSummary => serviceSummary(0);
export const latestServiceSummary = (): ServiceSummary => serviceSummary(1);

/** A team's all-staff change, as compareRounds would give it: only where both rounds show a score. */
function scoreChange(before: CellScore, after: CellScore): ScoreChange | null {
  if (!before.shown || !after.shown || before.score === null || after.score === null) return null;
  const change = shownDifference(after.score, before.score);
  return { before: before.score, after: after.score, change, direction: change > 0 ? 'up' : change < 0 ? 'down' : 'none' };
}

export function serviceRoundViews(): Map<string, ServiceRoundView> {
  const [open, latest, first] = serviceRoundListings() as [ServiceRoundListing, ServiceRoundListing, ServiceRoundListing];
  const answered = Object.fromEntries(latestServiceSummary().teams.map((team) => [team.teamId, team.respondents]));
  const before = firstServiceSummary();
  const after = latestServiceSummary();
  const changes = {
    previousNumber: 1,
    organisation: compareRounds(before.organisation, after.organisation),
    byTeam: after.byTeam.map((team, i) => ({
      teamId: team.teamId,
      teamName: team.teamName,
      conditions: Object.fromEntries(conditionIds.map((id) => [id, scoreChange(before.byTeam[i]!.conditions[id], team.conditions[id])])) as Record<ConditionId, ScoreChange | null>,
    })),
  };
  return new Map<string, ServiceRoundView>([
    [open.serviceRoundId, { round: open, teams: openRoundTeams(), results: 'at-close' }],
    [latest.serviceRoundId, { round: latest, teams: closedRoundTeams(answered), results: 'released', summary: after, changes }],
    [first.serviceRoundId, { round: first, teams: closedRoundTeams(answered), results: 'released', summary: before }],
  ]);
}

/** The six teams' plans on 29 November 2026: Front door and Children in care have overdue actions. */
export function organisationPlans(): OrganisationPlans {
  const plan = (cells: Partial<Record<ConditionId, [number, number, number]>>) =>
    Object.fromEntries(conditionIds.map((id) => {
      const [actions, done, overdue] = cells[id] ?? [0, 0, 0];
      return [id, { actions, done, overdue }];
    })) as OrganisationPlans['teams'][number]['conditions'];
  const { assessment, careLeavers, childProtection, childrenInCare, fostering, frontDoor } = TEAMS;
  return {
    today: '2026-11-29',
    teams: [
      { ...assessment, conditions: plan({ C01: [2, 1, 0], C06: [1, 0, 0] }) },
      { ...careLeavers, conditions: plan({}) },
      { ...childProtection, conditions: plan({ C02: [3, 3, 0], C07: [1, 0, 0] }) },
      { ...childrenInCare, conditions: plan({ C04: [2, 0, 1] }) },
      { ...fostering, conditions: plan({ C12: [1, 0, 0] }) },
      { ...frontDoor, conditions: plan({ C01: [3, 1, 2], C05: [1, 0, 0] }) },
    ],
  };
}
