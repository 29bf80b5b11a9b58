import type { ReportInput } from '../../../bot/domain/export/roundReport';
import type { EvidenceNote } from '../../../bot/domain/evidence';
import type { LevelId } from '../../../bot/domain/levels';
import type { ActionStatus, PlanAction } from '../../../bot/domain/plan';
import type { RatingId } from '../../../bot/domain/ratings';
import { knownTeamSize } from '../../../bot/domain/responseRate';
import { summariseRound } from '../../../bot/domain/summary';
import type { RatedAnswer } from '../../../bot/domain/summary/roundSummary';
import { CONDITIONS, type ConditionId } from '../../../bot/domain/conditions';

/** What must never reach a report, planted where it would leak from. */
export const SECRETS = {
  comment: 'COMMENT-TEXT-only-the-tab-shows',
  editor: 'Edna Editor',
  noteWriter: 'Nora Notewriter',
  statusChanger: 'Stan Statuschanger',
  evidenceAdder: 'Eve Evidenceadder',
  respondent: 'respondent-secret',
} as const;

/** Levels that a privacy rule hides in every condition: too small (2 senior leaders), and hidden to protect them (7 service managers). */
export const HIDDEN_LEVELS = ['senior leaders', 'senior leader', 'service managers', 'service manager'];

const person = (level: LevelId, i: number) => `${SECRETS.respondent}-${level}-${i}`;

/**
 * Answers of 27 people: 10 practitioners, 8 supervisors, 7 service managers and 2 senior leaders,
 * every one with a comment. C01–C10 answered by all; C11 by 4 practitioners only (too few to
 * show); C12 by the practitioners, all "don't know" (no score).
 */
export function reportAnswers(): RatedAnswer[] {
  const rated: [LevelId, number, (condition: number) => RatingId][] = [
    ['practitioner', 10, (c) => (c === 5 ? 'not-in-place' : c % 2 === 0 ? 'partly' : 'mostly')],
    ['supervisor', 8, (c) => (c === 5 ? 'partly' : c % 3 === 0 ? 'fully' : 'mostly')],
    ['service-manager', 7, () => 'fully'],
    ['senior-leader', 2, () => 'not-in-place'],
  ];
  const answers: RatedAnswer[] = [];
  let minute = 0;
  for (const [index, condition] of CONDITIONS.entries()) {
    for (const [level, count, rating] of rated) {
      for (let i = 0; i < count; i += 1) {
        if (condition.id === 'C11' && !(level === 'practitioner' && i < 4)) continue;
        if (condition.id === 'C12' && level !== 'practitioner') continue;
        answers.push({
          conditionId: condition.id,
          level,
          rating: condition.id === 'C12' ? 'dont-know' : rating(index + 1),
          comment: `${SECRETS.comment} ${level} ${i}`,
          respondentId: person(level, i),
          answeredAt: new Date(Date.UTC(2027, 1, 1, 9, minute++)).toISOString(),
        });
      }
    }
  }
  return answers;
}

export function action(conditionId: ConditionId, need: string, fields: Partial<PlanAction> & { history?: [ActionStatus, string][] } = {}): PlanAction {
  const { history, ...rest } = fields;
  const statusHistory = (history ?? [['not-started', '2027-03-01T10:00:00Z']]).map(([status, changedAt]) => ({ status, changedAt, changedBy: SECRETS.statusChanger }));
  return {
    actionId: `a-${conditionId}-${need.length}`,
    conditionId,
    need,
    progress: '',
    owner: '',
    ownerMember: null,
    dueDate: null,
    status: statusHistory.at(-1)!.status,
    createdAt: '2027-03-01T10:00:00Z',
    createdInRoundId: 'round-1',
    doneAt: null,
    updatedAt: '2027-03-01T10:00:00Z',
    updatedBy: SECRETS.editor,
    notes: [],
    statusHistory,
    version: 'v1',
    ...rest,
  };
}

export function evidenceNote(conditionId: ConditionId, found: string, fields: Partial<EvidenceNote> = {}): EvidenceNote {
  return {
    noteId: `e-${conditionId}-${found.length}`,
    roundId: 'round-1',
    conditionId,
    kind: 'case-audit',
    source: "QA team's audit of 20 CIN cases",
    date: '2027-02-12',
    found,
    addedAt: '2027-03-02T09:00:00Z',
    addedBy: SECRETS.evidenceAdder,
    version: 'v1',
    ...fields,
  };
}

export const PLAN: PlanAction[] = [
  action('C06', 'Restart group case discussion in every team', {
    progress: 'Monthly sessions led by the principal social worker',
    owner: 'Head of service',
    dueDate: '2027-03-31',
    history: [['not-started', '2027-03-01T10:00:00Z'], ['in-progress', '2027-03-15T10:00:00Z']],
    notes: [{ noteId: 'n1', date: '2027-03-20', text: 'First session held in the east team', writtenAt: '2027-03-21T09:00:00Z', writtenBy: SECRETS.noteWriter }],
  }),
  action('C06', 'Agree the clinical\nconsultation offer', { owner: 'Principal social worker', dueDate: '2027-06-30' }),
  action('C02', 'Name a practice champion in each team', { history: [['not-started', '2027-03-01T10:00:00Z'], ['done', '2027-03-10T12:00:00Z']], doneAt: '2027-03-10T12:00:00Z' }),
];

export const EVIDENCE: EvidenceNote[] = [
  evidenceNote('C06', 'Supervision was recorded in 14 of 20 cases; group discussion in none'),
  evidenceNote('C06', 'Practitioners asked for case discussion with a psychologist', { kind: 'practice-week', source: 'East team', date: '2027-02-20' }),
  evidenceNote('C03', 'Families could not say what the model was', { kind: 'family-feedback', source: '', date: '2027-01-30' }),
];

export function reportInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    teamName: "Children's Services – North",
    round: { number: 2, status: 'closed', openedAt: '2027-02-01T09:00:00Z', closedAt: '2027-02-28T23:59:59Z' },
    summary: summariseRound(reportAnswers(), 5),
    teamSize: knownTeamSize(36),
    plan: { actions: PLAN, asOf: 'now', at: '2027-04-02T10:00:00Z' },
    evidence: EVIDENCE,
    generatedAt: new Date('2027-04-02T10:00:00Z'),
    ...overrides,
  };
}
