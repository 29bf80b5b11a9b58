/**
 * The twelve "conditions which promote good practice" from Appendix 2 of the Wave 1
 * Innovation Programme thematic report. Ids key stored data: never renumber them.
 */
export interface Condition {
  readonly id: ConditionId;
  /** Position in the report's grid, 1 to 12. */
  readonly number: number;
  /** The text staff see. */
  readonly text: string;
  /** The report's evidence, shown as "why this matters". */
  readonly evidence: string;
}

export type ConditionId =
  | 'C01' | 'C02' | 'C03' | 'C04' | 'C05' | 'C06'
  | 'C07' | 'C08' | 'C09' | 'C10' | 'C11' | 'C12';

const condition = (number: number, text: string, evidence: string): Condition => ({
  id: `C${String(number).padStart(2, '0')}` as ConditionId,
  number,
  text,
  evidence,
});

export const CONDITIONS: readonly Condition[] = Object.freeze([
  condition(1, 'Systems are aligned across all relevant agencies',
    'Innovation is most likely to work when all key parts of the system share aims: staff at all levels and all agencies, including governance and inspection. Projects that moved furthest started with strong multi-agency commitment.'),
  condition(2, 'There is leadership at all levels, including practice champions',
    'Leadership must not rest on one dynamic leader or team; embedding change depends on mobilising leadership at all levels. Several projects stressed identifying and supporting practice champions; NE Lincolnshire cascaded practice through champions networks.'),
  condition(3, 'There is clear communication of a model of good practice',
    'Organisations change culture more successfully with a clear model and a shared ethos with clear messages. Communication must be more than information and needs regular reinforcement.'),
  condition(4, 'This model is embedded in training, supervision and performance management',
    'Good models combine empathy and collaboration with purpose and authority; there is value in a model all social workers can ascribe to, embedded in training and performance management.'),
  condition(5, "There is multi-disciplinary working including adult specialists alongside children's practitioners in integrated teams",
    'Good evidence for adult specialists (substance misuse, mental health, domestic abuse) in integrated teams; avoid repeated assessments and passing families on. Hertfordshire: days in care per family fell from 20.5 to 9.8.'),
  condition(6, 'Practitioners access effective supervision, including group case discussions, clinical expertise and consultancy',
    'Good evidence for supervision, group case discussion, clinical input and senior social work experience: the Reclaiming Social Work "good practice pyramid".'),
  condition(7, 'Training is part of an overall strategy for skills development, including supervision, coaching, co-working and performance management',
    'Training alone rarely changes practice (Hertfordshire found no measurable skill change after Motivational Interviewing training); early gains plateau and staff drift back without a wider strategy.'),
  condition(8, 'Social work teams are supported by skilled administrators',
    "Hampshire's skilled PAs cut social workers' admin time from 36% to 14% and raised time with families from 34% to 58% (about £27,000 saved per PA)."),
  condition(9, 'There is appropriate deployment of non-social work staff and volunteers',
    "Project Crewe's family practitioners gave families three times more time; Safe Families volunteers could support about 15% of children who would otherwise be accommodated."),
  condition(10, 'Attention is paid to the details of systems such as IT and electronic recording',
    'Efforts to cut bureaucracy were undermined by recording systems that did not fit the practice model, duplicating rather than reducing recording.'),
  condition(11, 'There is good use of data to inform decision-making at all levels',
    'More work is needed to help everyone in the system use data, including from evaluation; across 20 authorities the ability to use such data was "extremely patchy".'),
  condition(12, 'Plans for sustaining innovation are built in from the start',
    'Projects without an exit plan lost momentum before their evaluation ended (staff moving on).'),
]);

const byId = new Map<string, Condition>(CONDITIONS.map((c) => [c.id, c]));

export function isConditionId(value: unknown): value is ConditionId {
  return typeof value === 'string' && byId.has(value);
}

export function findCondition(id: string): Condition | undefined {
  return byId.get(id);
}

/** For ids that came from our own storage or code, where absence is a bug. */
export function conditionById(id: ConditionId): Condition {
  const found = byId.get(id);
  if (!found) throw new Error(`Unknown condition ${id}`);
  return found;
}
