/**
 * Levels of staff. The audit's most telling output is where levels disagree, so every
 * answer carries one. Ids key stored data; labels are what staff see.
 */
export interface Level {
  readonly id: LevelId;
  readonly label: string;
  /** Examples shown beside the label so people can place themselves. */
  readonly examples: string;
}

export type LevelId =
  | 'practitioner'
  | 'supervisor'
  | 'service-manager'
  | 'senior-leader'
  | 'business-support'
  | 'partner-agency'
  | 'volunteer';

export const LEVELS: readonly Level[] = Object.freeze([
  { id: 'practitioner', label: 'Practitioner', examples: 'social worker, family support worker' },
  { id: 'supervisor', label: 'Practice supervisor / team manager', examples: 'practice supervisor, team manager' },
  { id: 'service-manager', label: 'Service manager / head of service', examples: 'service manager, head of service' },
  { id: 'senior-leader', label: 'Senior leader', examples: 'director, assistant director' },
  { id: 'business-support', label: 'Business support / administrator', examples: 'business support, administrator' },
  { id: 'partner-agency', label: 'Partner agency', examples: 'health, police, education, adult services' },
  { id: 'volunteer', label: 'Volunteer', examples: 'volunteer' },
] satisfies Level[]);

const byId = new Map<string, Level>(LEVELS.map((l) => [l.id, l]));

export function isLevelId(value: unknown): value is LevelId {
  return typeof value === 'string' && byId.has(value);
}

export function levelLabel(id: LevelId): string {
  return byId.get(id)?.label ?? id;
}
