import { CLOSED_ROUNDS_KEEP } from '../cards/eraseAnswersCards';
import { z } from 'zod';
import { answersToErase, eraseTheirAnswers } from '../../app/ownData/eraseTheirAnswers';
import { theirDataFile } from '../../app/ownData/theirData';
import { answersErasedCard, eraseAnswersConfirmationCard, noticeCard } from '../cards';
import { uploadFile } from '../fileUpload';
import { cardResponse, refusalResponse, type CardActionResponse } from '../invokeResponses';
import { personOf, scopeOf, tenantOf } from '../teamsActivity';
import type { TeamsTurn } from '../teamsPort';
import type { BotDeps } from './botDeps';

/** What the file offer carries back through Teams: which file was offered (nothing about the person). */
const MY_DATA_OFFER = { offer: 'my-data' } as const;

const NO_ANSWERS = `You have no answers in an open audit round of your teams, so there is nothing to delete. ${CLOSED_ROUNDS_KEEP}`;

/** The person's own data is theirs alone: it is shown, deleted and sent only in their one-to-one chat. */
const ONLY_IN_CHAT =
  'Your answers and your data are shown only to you: say "my answers", "delete my answers" or "my data" in your one-to-one chat with Practice Audit.';

const isMemberIn = (turn: TeamsTurn, deps: BotDeps, teamsUserId: string) => (teamId: string) => deps.membership.isMember(turn, teamId, teamsUserId);

/** `delete my answers` in the one-to-one chat: the confirmation card, saying what would be deleted. */
export async function askToEraseAnswers(turn: TeamsTurn, deps: BotDeps): Promise<void> {
  const person = personOf(turn.activity);
  const rounds = await answersToErase(deps.services, person, tenantOf(turn.activity), isMemberIn(turn, deps, person.teamsUserId));
  if (rounds.length === 0) return turn.reply(noticeCard({ text: NO_ANSWERS }));
  await turn.reply(eraseAnswersConfirmationCard({ rounds }));
}

/**
 * "Delete my answers" on that card: erases what they have now (app/ownData/eraseTheirAnswers.ts)
 * and the card says how many went. Pressed again, or delivered again by Teams, it deletes nothing
 * more and says that none are stored now.
 */
export async function handleEraseAnswersAction(turn: TeamsTurn, _data: unknown, deps: BotDeps): Promise<CardActionResponse> {
  if (scopeOf(turn.activity) !== 'personal') return cardResponse(noticeCard({ text: ONLY_IN_CHAT }));
  try {
    const person = personOf(turn.activity);
    const erased = await eraseTheirAnswers(deps.services, person, tenantOf(turn.activity), isMemberIn(turn, deps, person.teamsUserId));
    return cardResponse(answersErasedCard({ rounds: erased }));
  } catch (error) {
    return refusalResponse(error, { logger: deps.logger, event: 'erase_answers_failed', title: 'Your answers were not all deleted: please try again' });
  }
}

/** "Cancel" on that card. */
export async function handleKeepAnswersAction(): Promise<CardActionResponse> {
  return cardResponse(noticeCard({ text: 'Nothing was deleted. Your answers are as they were.' }));
}

/** `my data` in the one-to-one chat: offers the file (Teams asks the person to accept it). */
export async function offerTheirData(turn: TeamsTurn, deps: BotDeps): Promise<void> {
  const person = personOf(turn.activity);
  const file = await theirDataFile(deps.services, person, tenantOf(turn.activity), isMemberIn(turn, deps, person.teamsUserId));
  await turn.offerFile({
    name: file.name,
    description: 'Everything Practice Audit holds about you: your answers, remembered levels, reminder choices, champion roles and plan actions.',
    sizeInBytes: file.bytes.length,
    context: MY_DATA_OFFER,
  });
}

/** `delete my answers` or `my data` anywhere but the one-to-one chat: everyone would see it. */
export async function replyOwnDataIsInChat(turn: TeamsTurn): Promise<void> {
  await turn.reply(noticeCard({ text: ONLY_IN_CHAT }));
}

const consentAnswer = z.object({
  action: z.enum(['accept', 'decline']),
  context: z.object({ offer: z.literal(MY_DATA_OFFER.offer) }),
  uploadInfo: z.object({ uploadUrl: z.string().min(1), contentUrl: z.string(), name: z.string(), uniqueId: z.string(), fileType: z.string() }).optional(),
});

/**
 * The person's answer to the file offer (invoke `fileConsent/invoke`; Teams is answered 200 whatever
 * happens here). Declined: a short message. Accepted: the file is made afresh (what they hold now),
 * its bytes are put at the upload URL Teams gave, and the chat shows the file. An upload that fails
 * or takes too long is told as such: the file was not sent. Teams redelivering the invoke does nothing more.
 */
export async function answerFileConsent(turn: TeamsTurn, value: unknown, deps: BotDeps): Promise<void> {
  const parsed = consentAnswer.safeParse(value);
  if (!parsed.success || scopeOf(turn.activity) !== 'personal') {
    deps.logger.warn('file_consent_not_understood', { scope: scopeOf(turn.activity) });
    return turn.reply(noticeCard({ text: 'That could not be read. Say "my data" to be offered the file again.', tone: 'attention' }));
  }
  const activityId = turn.activity.id;
  if (activityId && !(await deps.handledActivities.claim(turn.activity.conversation?.id ?? '', activityId))) return;
  if (parsed.data.action === 'decline' || !parsed.data.uploadInfo) {
    return turn.reply(noticeCard({ text: 'Your data file was not sent, as you chose. Say "my data" whenever you want it.' }));
  }
  const person = personOf(turn.activity);
  const file = await theirDataFile(deps.services, person, tenantOf(turn.activity), isMemberIn(turn, deps, person.teamsUserId));
  try {
    await uploadFile(parsed.data.uploadInfo.uploadUrl, file.bytes, { loopbackAllowed: deps.uploadsToLoopback ?? false });
  } catch (error) {
    deps.logger.warn('my_data_upload_failed', { error });
    return turn.reply(noticeCard({ text: 'Your data file could not be put in your OneDrive, so it was not sent. Please say "my data" to try again.', tone: 'attention' }));
  }
  await turn.showFile(parsed.data.uploadInfo);
}
