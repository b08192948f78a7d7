// What the two windows of the co-editing test type, so that each recognises the other's edits.

/** Appended by the first window to paragraph 1. */
export const FIRST_SENTENCE = ' Aigerim adds that Osh has no accessible transport.';
/** The text that follows paragraph 1's line in the fixture (unchanged by the undo). */
export const FIRST_SENTENCE_AFTER = 'in Kyrgyzstan.\n\n2. Most adults';
/** Inserted by the second window after paragraph 3: "5." after "3." is a numbering gap. */
export const SECOND_PARAGRAPH = '\n\n5. Bolot adds that Naryn has no community services at all.';
/** Added by the second window, offline, once it has seen the first window's undo. */
export const SECOND_OFFLINE = '\n\nBolot saw the undo and wrote this offline.';
/** Added by the second window, offline, after leaving and joining again. */
export const SECOND_REJOINED = ' And again after joining again.';
/** Added by the first window once the second window's offline text has arrived. */
export const FIRST_ACK = '\n\nAigerim got the offline text.';

/** The text the first window comments on (paragraph 2, untouched by either window's edits). */
export const COMMENTED_TEXT = 'closed residential institutions';
/** The first window's comment on it, the reviewer's reply and the second window's. */
export const FIRST_COMMENT = 'Aigerim asks: which institutions, and how many residents?';
export const REVIEWER_REPLY = 'Cholpon: name the three largest, with figures from 2024.';
export const SECOND_REPLY = 'Bolot: figures added to the annex.';
/** The second window's reply written while the server is down, before it leaves and joins again. */
export const SECOND_OFFLINE_REPLY = 'Bolot, offline: the annex is attached.';
