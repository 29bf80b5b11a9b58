import { CONDITIONS } from '../bot/domain/conditions';
import type { EvidenceNote } from '../bot/domain/evidence';
import { EVIDENCE_KINDS } from '../bot/domain/evidenceKinds';
import type { ReportInput } from '../bot/domain/export/roundReport';
import { LEVELS } from '../bot/domain/levels';
import { ACTION_STATUSES, type PlanAction } from '../bot/domain/plan';
import { RATINGS } from '../bot/domain/ratings';
import { knownTeamSize } from '../bot/domain/responseRate';
import { summariseRound } from '../bot/domain/summary';
import type { RatedAnswer } from '../bot/domain/summary/roundSummary';

/** Ordinary lengths of what champions write, so the file is as big as a real one. */
const SENTENCE = 'Practitioners said group case discussion happens in some teams but not others, and that clinical input is hard to book';
const text = (n: number, label: string) => `${label} ${n}: ${SENTENCE}.`;

/**
 * The Word report's bench round: `staff` people answering all twelve conditions (mostly
 * practitioners, some of every level; one in seven with a comment, which the report must leave
 * out), a plan of `actions` actions spread over the conditions, each with an owner, a due date, a
 * status history of up to three changes and three progress notes, and two evidence notes per
 * condition. The summary is made here, in the parent: the measured process receives the summary
 * as a closed round's cache serves it, so its memory is the report's alone.
 */
export function wordReportInput(staff: number, actions: number, generatedAt: Date): ReportInput {
  const answers: RatedAnswer[] = [];
  const opened = generatedAt.getTime() - 40 * 86_400_000;
  for (let person = 0; person < staff; person += 1) {
    const level = LEVELS[person % 10 < 6 ? 0 : (person % 10) - 4]!.id;
    for (const [i, condition] of CONDITIONS.entries()) {
      answers.push({
        conditionId: condition.id,
        level,
        rating: RATINGS[(person + i) % RATINGS.length]!.id,
        comment: person % 7 === 0 ? 'A comment of an ordinary length about how things are.' : '',
        respondentId: `bench-${person}`,
        answeredAt: new Date(opened + person * 1000).toISOString(),
      });
    }
  }
  const day = (offset: number) => new Date(generatedAt.getTime() + offset * 86_400_000).toISOString();
  const plan: PlanAction[] = Array.from({ length: actions }, (_, n) => {
    const history = ACTION_STATUSES.slice(0, (n % 3) + 1).map((status, i) => ({ status, changedAt: day(-30 + i * 7), changedBy: 'Bench champion' }));
    return {
      actionId: `action-${n}`,
      conditionId: CONDITIONS[n % CONDITIONS.length]!.id,
      need: text(n, 'What needs to happen'),
      progress: text(n, 'How we will progress it'),
      owner: `Owner ${n % 5}`,
      ownerMember: null,
      dueDate: day(-10 + n * 9).slice(0, 10),
      status: history.at(-1)!.status,
      createdAt: day(-30),
      createdInRoundId: 'bench-round',
      doneAt: history.at(-1)!.status === 'done' ? day(-16) : null,
      updatedAt: day(-16),
      updatedBy: 'Bench champion',
      notes: Array.from({ length: 3 }, (_, i) => ({ noteId: `note-${n}-${i}`, date: day(-25 + i * 5).slice(0, 10), text: text(i, 'What we did'), writtenAt: day(-25 + i * 5), writtenBy: 'Bench champion' })),
      statusHistory: history,
      version: 'v1',
    };
  });
  const evidence: EvidenceNote[] = CONDITIONS.flatMap((condition, c) => [0, 1].map((i) => ({
    noteId: `evidence-${c}-${i}`,
    roundId: 'bench-round',
    conditionId: condition.id,
    kind: EVIDENCE_KINDS[(c + i) % EVIDENCE_KINDS.length]!,
    source: `Quality assurance team, sample ${c}-${i}`,
    date: day(-35 + i).slice(0, 10),
    found: `${text(c, 'What the evidence found')} ${SENTENCE}.`,
    addedAt: day(-20),
    addedBy: 'Bench champion',
    version: 'v1',
  })));
  return {
    teamName: "Children's Services – North",
    round: { number: 3, status: 'closed', openedAt: new Date(opened).toISOString(), closedAt: day(-5) },
    summary: summariseRound(answers, 5),
    teamSize: knownTeamSize(Math.round(staff * 1.2)),
    plan: { actions: plan, asOf: 'now', at: generatedAt.toISOString() },
    evidence,
    generatedAt,
  };
}
