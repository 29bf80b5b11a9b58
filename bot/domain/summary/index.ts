export type { CellScore, CellSummary, ConditionComments, RatedAnswer, RoundSummary } from './roundSummary';
export { summariseRound, summariseTallies } from './summariseRound';
export { RoundTallies, countsOfAnswers } from './roundTallies';
export { talliesFrom, type RoundCounts, type TallySource } from './roundCounts';
export { commentsFor } from './commentsFor';
export { summariseNow } from './whatHappensNow';
export { compareRounds, type ConditionChange } from './compareRounds';
export { releaseRound, releasedSummary, requireResults, resultsState, type ReleaseOf, type ResultsState, type RoundParticipation, type RoundRelease } from './release';
export { formatScore } from './shownScore';
