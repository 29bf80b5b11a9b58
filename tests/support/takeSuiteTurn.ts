import { takeSuiteTurn } from './suiteTurns';

// Every spec file (jest's setupFilesAfterEnv): its turn beside the other specs, or alone
// (tests/support/suiteTurns.ts), taken before its own beforeAll and ended after its tests.
let endTurn: (() => void) | undefined;
// A spec that runs alone may wait for the longest spec running beside it, and for others waiting to run alone.
const TURN_WAIT_MS = 10 * 60_000;

beforeAll(async () => {
  endTurn = await takeSuiteTurn();
}, TURN_WAIT_MS);
afterAll(() => endTurn?.());
