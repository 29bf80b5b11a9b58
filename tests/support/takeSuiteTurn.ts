import { takeSuiteTurn } from './suiteTurns';

// Every spec file (jest's setupFilesAfterEnv): its turn beside the other specs, or alone
// (tests/support/suiteTurns.ts), taken before its own beforeAll and ended after its tests, just
// before its own afterAll (hooks run in the order they are declared): a spec's clean-up (stopping
// its service, closing its browser) may overlap the start of the next.
let endTurn: (() => void) | undefined;
// A spec that runs alone may wait for the longest spec running beside it, and for others waiting to run alone.
const TURN_WAIT_MS = 10 * 60_000;

beforeAll(async () => {
  endTurn = await takeSuiteTurn();
}, TURN_WAIT_MS);
afterAll(() => endTurn?.());
