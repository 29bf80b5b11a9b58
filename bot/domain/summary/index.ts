export type { CellSummary, ConditionSummary, Disagreement, RatedAnswer, RoundSummary, SummaryComment } from './roundSummary';
export { summariseRound, summariseTallies } from './summariseRound';
export { RoundTallies, countsOfAnswers } from './roundTallies';
export { countsOf, talliesFrom, type RoundCounts, type TallySource } from './roundCounts';
export { rankDisagreements, type DisagreeingCondition } from './rankDisagreements';
export { dontKnowByLevel, type LevelDontKnow } from './dontKnowByLevel';
export { commentsFor } from './commentsFor';
export { summariseNow, NOTABLE_GAP, LEVEL_PLURAL, type NowSummary, type Judgement } from './whatHappensNow';
export { compareRounds, type ConditionChange, type LevelChange, type ScoreChange } from './compareRounds';
