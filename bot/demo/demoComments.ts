import type { ConditionId } from '../domain/conditions';
import type { LevelId } from '../domain/levels';
import type { RatingId } from '../domain/ratings';

/** A comment the demo gives to one answer of its condition, from someone at its level. */
export interface DemoComment {
  readonly conditionId: ConditionId;
  readonly level: LevelId;
  readonly rating: RatingId;
  readonly text: string;
  /** Which round it appears in (1, 2, or both). */
  readonly rounds: readonly (1 | 2)[];
}

const both = [1, 2] as const;

export const DEMO_COMMENTS: readonly DemoComment[] = [
  { conditionId: 'C01', level: 'partner-agency', rating: 'partly', rounds: both, text: 'Health colleagues are signed up to the vision, but our referral pathways still look nothing like the social care ones.' },
  { conditionId: 'C01', level: 'practitioner', rating: 'not-in-place', rounds: [1], text: 'Police and schools still work to their own thresholds. Strategy meetings feel like three services in one room.' },
  { conditionId: 'C01', level: 'service-manager', rating: 'mostly', rounds: [2], text: 'The new partnership board has helped a lot; education is the partner we still need round the table.' },
  { conditionId: 'C02', level: 'senior-leader', rating: 'fully', rounds: both, text: 'We have a champion in every team now and they meet monthly with the principal social worker.' },
  { conditionId: 'C02', level: 'practitioner', rating: 'partly', rounds: both, text: 'I know we have practice champions on paper but I could not tell you who ours is.' },
  { conditionId: 'C02', level: 'practitioner', rating: 'not-in-place', rounds: [1], text: 'Leadership feels very top-down. Decisions arrive by email on a Friday afternoon.' },
  { conditionId: 'C02', level: 'supervisor', rating: 'partly', rounds: [2], text: 'Champions are keen but get no protected time, so it falls away when caseloads go up.' },
  { conditionId: 'C03', level: 'senior-leader', rating: 'mostly', rounds: both, text: 'The practice framework was launched at the staff conference and is on the intranet.' },
  { conditionId: 'C03', level: 'practitioner', rating: 'partly', rounds: both, text: 'We had one briefing on the model eighteen months ago. New starters have never heard of it.' },
  { conditionId: 'C03', level: 'business-support', rating: 'partly', rounds: [1], text: "Nobody has explained the model to admin staff, so we don't know how it affects what we do." },
  { conditionId: 'C04', level: 'supervisor', rating: 'partly', rounds: both, text: "Supervision templates were updated, but appraisals still measure timescales, not the quality of work with families." },
  { conditionId: 'C04', level: 'partner-agency', rating: 'dont-know', rounds: both, text: "I can't see the council's training or supervision, so I honestly don't know." },
  { conditionId: 'C04', level: 'volunteer', rating: 'dont-know', rounds: [1], text: 'Not something volunteers are told about.' },
  { conditionId: 'C05', level: 'practitioner', rating: 'mostly', rounds: both, text: 'Having the domestic abuse worker in the team has been brilliant – families get help the same week.' },
  { conditionId: 'C05', level: 'partner-agency', rating: 'partly', rounds: [2], text: 'Adult mental health input is still by referral, with a twelve-week wait.' },
  { conditionId: 'C06', level: 'practitioner', rating: 'mostly', rounds: both, text: 'Group supervision on Thursdays is the most useful hour of my week.' },
  { conditionId: 'C06', level: 'practitioner', rating: 'partly', rounds: [1], text: 'Supervision is regular but it is mostly case management, not reflection.' },
  { conditionId: 'C06', level: 'supervisor', rating: 'mostly', rounds: [2], text: 'The clinical psychologist joining case discussions has changed how we think about risk.' },
  { conditionId: 'C07', level: 'practitioner', rating: 'partly', rounds: both, text: 'Lots of e-learning, very little chance to practise what we learn or be observed doing it.' },
  { conditionId: 'C07', level: 'service-manager', rating: 'partly', rounds: [2], text: 'Co-working for newly qualified staff is working; we need the same for experienced staff.' },
  { conditionId: 'C08', level: 'business-support', rating: 'not-in-place', rounds: both, text: 'We were cut from six administrators to three, and social workers now type their own minutes.' },
  { conditionId: 'C08', level: 'practitioner', rating: 'partly', rounds: [1], text: "I spend more time on the system than with children. A skilled admin would give me back a day a week." },
  { conditionId: 'C08', level: 'supervisor', rating: 'partly', rounds: [2], text: 'The new team coordinator post is making a difference, but only in two of the five teams.' },
  { conditionId: 'C09', level: 'volunteer', rating: 'mostly', rounds: both, text: 'The mentoring scheme is well organised and the families I see really value it.' },
  { conditionId: 'C09', level: 'practitioner', rating: 'partly', rounds: [1], text: 'Family support workers are brilliant but are often used to cover contact rather than direct work.' },
  { conditionId: 'C10', level: 'practitioner', rating: 'not-in-place', rounds: both, text: 'The case recording system was not built for the model. I record the same visit in three places.' },
  { conditionId: 'C10', level: 'practitioner', rating: 'not-in-place', rounds: both, text: 'Laptops take ten minutes to start and the VPN drops whenever I am out on visits.' },
  { conditionId: 'C10', level: 'senior-leader', rating: 'mostly', rounds: [1], text: 'The system upgrade went live on time and on budget.' },
  { conditionId: 'C10', level: 'business-support', rating: 'partly', rounds: [2], text: 'Forms were simplified in the summer, but the reports we are asked for still do not match them.' },
  { conditionId: 'C11', level: 'service-manager', rating: 'partly', rounds: both, text: 'The performance dashboard is good at counting timescales, less good at telling us whether families are better off.' },
  { conditionId: 'C11', level: 'partner-agency', rating: 'dont-know', rounds: both, text: 'We never see the data, so I cannot say how it is used.' },
  { conditionId: 'C11', level: 'practitioner', rating: 'not-in-place', rounds: [1], text: 'Data is something that happens to us at month end, not something we use.' },
  { conditionId: 'C12', level: 'service-manager', rating: 'partly', rounds: both, text: 'Our funding for the edge-of-care team ends next March and there is no plan yet for what happens after.' },
  { conditionId: 'C12', level: 'senior-leader', rating: 'mostly', rounds: [2], text: 'Sustainability is now a standing item at the improvement board.' },
  { conditionId: 'C12', level: 'practitioner', rating: 'partly', rounds: [1], text: 'Every new initiative is exciting for six months and then quietly disappears.' },
];
