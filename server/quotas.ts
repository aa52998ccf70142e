import type { Logger } from 'pino';

const MiB = 1024 * 1024;
const HOUR_MS = 3_600_000;

/**
 * How much one board, one address and the whole server may store. Each has an environment
 * variable (server/config.ts); docs/operations.md, "Limits and close codes", lists them.
 */
export interface QuotaLimits {
	/** Boards the server stores in all; one more is refused (4507). */
	maxBoards: number;
	/** New boards one address may create per hour (4529); 0 for no limit. */
	boardsPerAddressPerHour: number;
	/** Saved (labelled) versions one board keeps; one more is refused (507). */
	maxVersionsPerBoard: number;
	/** Versions one board may save per hour (429). */
	versionsPerHour: number;
	/** Bytes all of one board's versions may take, checkpoints included (507). */
	maxVersionBytesPerBoard: number;
	/** Addresses no per-address limit applies to (see docs/operations.md: loopback, a trusted proxy). */
	exemptAddresses: readonly string[];
}

/** The defaults of issue 14. */
export const DEFAULT_QUOTA_LIMITS: Readonly<QuotaLimits> = {
	maxBoards: 100_000,
	boardsPerAddressPerHour: 60,
	maxVersionsPerBoard: 200,
	versionsPerHour: 60,
	maxVersionBytesPerBoard: 256 * MiB,
	exemptAddresses: ['127.0.0.1', '::1']
};

/**
 * Events per address in a sliding window (an hour): how many each address had, forgetting
 * those older than the window as it goes, so memory follows the addresses active in it.
 */
export class AddressWindow {
	readonly #times = new Map<string, number[]>();

	constructor(private readonly windowMs = HOUR_MS) {}

	/** Events of `address` within the window ending at `now`. */
	count(address: string, now: number): number {
		const times = this.#times.get(address);
		if (!times) return 0;
		const since = now - this.windowMs;
		while (times.length > 0 && times[0]! <= since) times.shift();
		if (times.length === 0) this.#times.delete(address);
		return times.length;
	}

	/** Records an event of `address` at `now`. */
	add(address: string, now: number): void {
		const times = this.#times.get(address);
		if (times) times.push(now);
		else this.#times.set(address, [now]);
	}

	/** Forgets every address with nothing in the window (run now and then). */
	sweep(now: number): void {
		for (const address of [...this.#times.keys()]) this.count(address, now);
	}
}

/** How often the count of stored boards is read again from the store (other nodes add some). */
const RECOUNT_MS = 60_000;

/**
 * Who may create a board: a board is created by the first update stored for a board id the
 * store does not know. Refused past MAX_BOARDS in all, or past BOARDS_PER_ADDRESS_PER_HOUR new
 * boards from one address. The count of boards is read from the store at start and every
 * minute (so other nodes' boards count too), and kept up to date with this node's creations.
 */
export class BoardCreationQuota {
	#boards = 0;
	readonly #recent = new AddressWindow();
	#timer: NodeJS.Timeout | null = null;

	constructor(
		private readonly limits: Pick<
			QuotaLimits,
			'maxBoards' | 'boardsPerAddressPerHour' | 'exemptAddresses'
		>,
		private readonly countBoards: () => Promise<number>,
		private readonly logger: Logger,
		private readonly now: () => number = Date.now
	) {}

	/** Reads the count of boards, then keeps it fresh until `stop`. */
	async start(): Promise<void> {
		await this.#recount();
		this.#timer = setInterval(() => void this.#recount(), RECOUNT_MS);
		this.#timer.unref();
	}

	/** Stops recounting. */
	stop(): void {
		if (this.#timer) clearInterval(this.#timer);
		this.#timer = null;
	}

	/** Boards stored, as last counted. */
	get boards(): number {
		return this.#boards;
	}

	/**
	 * Claims the creation of one board by `address`: null when it may, and it is counted; else
	 * which limit refuses it.
	 */
	claim(address: string): 'tooManyBoards' | 'boardsPerAddress' | null {
		if (this.#boards >= this.limits.maxBoards) return 'tooManyBoards';
		const now = this.now();
		const limited =
			this.limits.boardsPerAddressPerHour > 0 && !this.limits.exemptAddresses.includes(address);
		if (limited && this.#recent.count(address, now) >= this.limits.boardsPerAddressPerHour) {
			return 'boardsPerAddress';
		}
		if (limited) this.#recent.add(address, now);
		this.#boards++;
		return null;
	}

	async #recount(): Promise<void> {
		try {
			this.#boards = await this.countBoards();
			this.#recent.sweep(this.now());
		} catch (error) {
			// The last count stands; the store's own failure is reported by the health checks.
			this.logger.warn({ err: error }, 'counting boards failed');
		}
	}
}
