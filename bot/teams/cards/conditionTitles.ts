import { type Condition, type ConditionId } from '../../domain/conditions';

/**
 * Short names for the conditions, for tables of counts where the full text would wrap
 * over several lines. The full text stays the one staff rate.
 */
const SHORT_TITLES: Readonly<Record<ConditionId, string>> = {
  C01: 'Systems aligned across agencies',
  C02: 'Leadership at all levels',
  C03: 'A clear model of good practice',
  C04: 'Model embedded in training and supervision',
  C05: 'Multi-disciplinary working',
  C06: 'Effective supervision',
  C07: 'Training within a skills strategy',
  C08: 'Skilled administrators',
  C09: 'Non-social work staff and volunteers',
  C10: 'IT and electronic recording',
  C11: 'Data informs decisions',
  C12: 'Sustaining innovation from the start',
};

/** "3. A clear model of good practice" */
export function numberedShortTitle(condition: Condition): string {
  return `${condition.number}. ${SHORT_TITLES[condition.id]}`;
}
