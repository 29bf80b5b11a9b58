import type { ActionDueNotice } from '../../app/plan/nudgePorts';
import { conditionById } from '../../domain/conditions';
import { ACTION_STATUS_LABELS } from '../../domain/plan';
import { adaptiveCard, type AdaptiveCard } from './card';
import { numberedShortTitle } from './conditionTitles';
import { emphasised, factSet, heading, plainText, textBlock } from './elements';
import { formatDate } from './format';

/**
 * An owner's nudge, one-to-one, when an action of the team's plan falls due (issue 11): what
 * needs to happen, for which condition, the due date and the status, and where the plan is.
 * No button: a deep link to the team's tab needs the app's Teams id, which the service is not
 * given, so a sentence says where to find it. Only the owner sees it.
 */
export function actionDueCard({ action, teamName, overdue }: ActionDueNotice): AdaptiveCard {
  const due = action.dueDate ? formatDate(action.dueDate) : 'not set';
  return adaptiveCard([
    heading(overdue ? 'An action you own is overdue' : 'An action you own is due today'),
    // The team's name comes from Teams and the action from a champion: plain text, never markdown.
    plainText(['In ', emphasised(teamName), "'s plan for the conditions which promote good practice:"], { spacing: 'small' }),
    plainText([emphasised(action.need)], { spacing: 'small' }),
    factSet(
      [
        ['Condition', numberedShortTitle(conditionById(action.conditionId))],
        ['Due', overdue ? due : `${due} (today)`],
        ['Status', ACTION_STATUS_LABELS[action.status]],
      ],
      { spacing: 'small' },
    ),
    textBlock(
      "The plan is in the team's Practice audit tab, in its channel, under Plan. Practice champions keep it up to date: tell one of them how the action stands, or when it is done.",
      { spacing: 'medium', isSubtle: true },
    ),
  ]);
}
