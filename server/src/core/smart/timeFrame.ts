// When the next review comes: the time frame a recommendation should be met by.
// The Working Group meets three times a year; the fourth cycle began with its 41st session in
// November 2022 (sessions 41, 44, 47, ... in the autumn, then two each following year), and a
// State is reviewed again 14 sessions later (shared FACTS.md §6).

const FIRST_SESSION_OF_CYCLE_4 = 41;
const YEAR_OF_SESSION_41 = 2022;
const SESSIONS_PER_CYCLE = 14;

/** The year a Working Group session meets, for sessions of the fourth cycle and later. */
export function sessionYear(session: number): number | undefined {
  if (!Number.isInteger(session) || session < FIRST_SESSION_OF_CYCLE_4) return undefined;
  return YEAR_OF_SESSION_41 + Math.floor((session - FIRST_SESSION_OF_CYCLE_4 + 2) / 3);
}

/** The year before the State's next review, by which recommendations made at this one should be met. */
export function timeFrameYear(session: number | undefined): number | undefined {
  if (session === undefined) return undefined;
  const next = sessionYear(session + SESSIONS_PER_CYCLE);
  return next === undefined ? undefined : next - 1;
}
