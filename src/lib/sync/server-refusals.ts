/** A connection the server closed on purpose, in words for the person at the board. */
export interface ServerRefusal {
	code: number;
	/** What happened and what it means for their changes. */
	message: string;
	/** True when the client stops reconnecting by itself (y-websocket: codes 4400–4499). */
	final: boolean;
}

const KEPT_HERE = 'Your changes are kept on this device.';

/**
 * What each close code of the server (CloseReason in server/sync/protocol.ts) means for the
 * person whose connection it closed. Codes not listed here (a restart, a network failure) are
 * ordinary disconnections: the status says offline and the client reconnects by itself.
 */
const MESSAGES: Readonly<Record<number, string>> = {
	4400: `The server refused a change from this device: it was too large. ${KEPT_HERE}`,
	4409: `The server refused changes from this device that build on changes it never received. ${KEPT_HERE}`,
	4413: `This board is full: the server accepts no more additions to it. ${KEPT_HERE}`,
	4415: `The server refused a change from this device: it holds content Charter does not use. ${KEPT_HERE}`,
	4422: `The server refused a change from this device: it nests too deep. ${KEPT_HERE}`,
	4429: `This device sent changes faster than the server accepts them, so it was disconnected. ${KEPT_HERE}`,
	4507: `The server holds as many boards as it may, so it cannot save this new board yet. ${KEPT_HERE}`,
	4529: `Too many new boards were created from your network in the last hour, so the server will save this one later. ${KEPT_HERE}`
};

/** The refusal a close code stands for, or null for an ordinary disconnection. */
export function serverRefusal(code: number): ServerRefusal | null {
	const message = MESSAGES[code];
	if (message === undefined) return null;
	return { code, message, final: code >= 4400 && code < 4500 };
}

/** Every close code the client explains (for the test that keeps it in step with the server). */
export const EXPLAINED_CLOSE_CODES: readonly number[] = Object.keys(MESSAGES).map(Number);
