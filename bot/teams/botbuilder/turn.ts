import { TurnContext } from 'botbuilder';
import type { Mention, TeamsTurn } from '../teamsPort';
import { addressOf, cardMessage, conversationOf } from './conversation';

/** Teams' attachment types for sending a file in a one-to-one chat (botbuilder's FileConsentCard and FileInfoCard). */
const FILE_CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
const FILE_INFO = 'application/vnd.microsoft.teams.card.file.info';

/** The port's view of a botbuilder turn: what handlers get instead of the TurnContext. */
export function teamsTurnOf(context: TurnContext): TeamsTurn {
  // Read now: touching the context after the turn throws, and handlers hand work to later.
  const activity = context.activity;
  const address = addressOf(context);
  const conversation = conversationOf(context);
  return {
    activity,
    address,
    mentions: () => mentionsIn(activity),
    async reply(card) {
      await context.sendActivity(cardMessage(card));
    },
    async offerFile({ name, description, sizeInBytes, context: offered }) {
      const content = { description, sizeInBytes, acceptContext: offered, declineContext: offered };
      await context.sendActivity({ type: 'message', attachments: [{ contentType: FILE_CONSENT, name, content }] });
    },
    async showFile({ name, contentUrl, uniqueId, fileType }) {
      await context.sendActivity({ type: 'message', attachments: [{ contentType: FILE_INFO, contentUrl, name, content: { uniqueId, fileType } }] });
    },
    updateCard: (activityId, card) => conversation.updateCard(activityId, card),
    readMember: (teamId, memberId) => conversation.readMember(teamId, memberId),
  };
}

/** The activity's mention entities, as botbuilder reads them; a mention naming no account is left out. */
export function mentionsIn(activity: TurnContext['activity']): Mention[] {
  return TurnContext.getMentions(activity)
    .filter((m) => typeof m.mentioned?.id === 'string' && m.mentioned.id !== '')
    .map((m) => ({ id: m.mentioned.id, name: m.mentioned.name ?? '', text: m.text ?? '' }));
}
