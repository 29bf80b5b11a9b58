/**
 * Helpers for reading card JSON the way a person sees it, and for checking it against
 * the Adaptive Cards object model.
 */
import { type AnswerFootprint, participationOf, type Participation } from '../../../bot/domain/participation';
import { type AuditRound } from '../../../bot/domain/auditRound';
import { type LevelId } from '../../../bot/domain/levels';
import { type AdaptiveCard } from '../../../bot/teams/cards';

// The ESM build does not load under jest; the UMD build does.
const AC = require('adaptivecards/dist/adaptivecards.js');

type Json = Record<string, unknown>;

/** Parse events and validation events, checked against schema 1.5 (what Teams renders). */
export function cardProblems(card: AdaptiveCard): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(JSON.parse(JSON.stringify(card)), context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of parsed.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  return problems;
}

export function byteSize(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/** Every object with a `type` in the card, depth first, the card itself excluded. */
export function elementsOf(card: AdaptiveCard): Json[] {
  const found: Json[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      if (value !== card && typeof (value as Json).type === 'string') found.push(value as Json);
      Object.values(value).forEach(visit);
    }
  };
  visit(card);
  return found;
}

export function ofType(card: AdaptiveCard, type: string): Json[] {
  return elementsOf(card).filter((element) => element.type === type);
}

export function inputById(card: AdaptiveCard, id: string): Json {
  const inputs = elementsOf(card).filter((e) => String(e.type).startsWith('Input.') && e.id === id);
  if (inputs.length !== 1) throw new Error(`expected one input "${id}", found ${inputs.length}`);
  return inputs[0] as Json;
}

export function inputsOf(card: AdaptiveCard): Json[] {
  return elementsOf(card).filter((e) => String(e.type).startsWith('Input.'));
}

export function actionsOf(card: AdaptiveCard): Json[] {
  return elementsOf(card).filter((e) => String(e.type).startsWith('Action.'));
}

/** Texts rendered as markdown: TextBlock text and FactSet cells. */
export function markdownTexts(card: AdaptiveCard): string[] {
  return [
    ...ofType(card, 'TextBlock').map((b) => String(b.text)),
    ...ofType(card, 'FactSet').flatMap((f) => (f.facts as Json[]).flatMap((fact) => [String(fact.title), String(fact.value)])),
  ];
}

/** Roughly what a reader sees, one line per block, rich text runs joined. */
export function visibleText(card: AdaptiveCard): string {
  const lines: string[] = [];
  for (const element of elementsOf(card)) {
    switch (element.type) {
      case 'TextBlock': lines.push(String(element.text)); break;
      case 'RichTextBlock': lines.push((element.inlines as Json[]).map((run) => String(run.text)).join('')); break;
      case 'FactSet': for (const fact of element.facts as Json[]) lines.push(`${String(fact.title)}: ${String(fact.value)}`); break;
      case 'Action.Execute': lines.push(String(element.title)); break;
    }
  }
  return lines.join('\n');
}

export function factValue(card: AdaptiveCard, title: string): string | undefined {
  const facts = ofType(card, 'FactSet').flatMap((f) => f.facts as Json[]);
  return facts.find((fact) => fact.title === title)?.value as string | undefined;
}

export function round(overrides: Partial<AuditRound> = {}): AuditRound {
  return {
    teamId: '19:team@thread.tacv2',
    roundId: '20260304-101500000Z-abc123',
    number: 3,
    status: 'open',
    openedAt: '2026-03-04T10:15:00.000Z',
    openedBy: 'hmac-of-opener',
    conditionMessageIds: {},
    ...overrides,
  };
}

/** People answering C01 (and some C02) at the given levels. */
export function participationFor(peopleByLevel: Partial<Record<LevelId, number>>, threshold = 5): Participation {
  const answers: (AnswerFootprint & { answeredAt: string })[] = [];
  let person = 0;
  for (const [level, count] of Object.entries(peopleByLevel) as [LevelId, number][]) {
    for (let i = 0; i < count; i++, person++) {
      const respondentId = `person-${person}`;
      answers.push({ conditionId: 'C01', level, respondentId, answeredAt: '2026-03-05T09:00:00Z' });
      if (person % 2 === 0) answers.push({ conditionId: 'C02', level, respondentId, answeredAt: '2026-03-05T09:01:00Z' });
    }
  }
  return participationOf(answers, threshold);
}

export const HOSTILE_TEXT = '<script>alert(1)</script> **bold** [x](http://evil) _under_ # heading';
