import type { Bus, BusChannel, BusKind, BusListener, BusPayload } from './bus.ts';

interface Member {
	readonly name: string;
	readonly listener: BusListener;
}

/**
 * The in-process bus, what a single node needs: nothing leaves the process. Channels of one
 * board on one LocalBus hear each other (as rooms of two servers in one process would), never
 * themselves.
 */
export class LocalBus implements Bus {
	readonly kind = 'local';
	readonly #boards = new Map<string, Set<Member>>();
	#members = 0;

	/** {@inheritDoc Bus.join} */
	async join(boardId: string, listener: BusListener): Promise<BusChannel> {
		const member: Member = { name: `local-${++this.#members}`, listener };
		let members = this.#boards.get(boardId);
		if (!members) this.#boards.set(boardId, (members = new Set()));
		members.add(member);
		return {
			publish: (kind, payload) => this.#publish(boardId, member, kind, payload),
			leave: () => {
				members.delete(member);
				if (members.size === 0 && this.#boards.get(boardId) === members) {
					this.#boards.delete(boardId);
				}
			}
		};
	}

	/** {@inheritDoc Bus.ping} */
	async ping(): Promise<void> {}

	/** {@inheritDoc Bus.close} */
	async close(): Promise<void> {
		this.#boards.clear();
	}

	#publish(boardId: string, from: Member, kind: BusKind, lazy: BusPayload): void {
		const members = this.#boards.get(boardId);
		// Alone on the board, as on a single node: nothing to make, nothing to send.
		if (!members?.has(from) || members.size === 1) return;
		const payload = typeof lazy === 'function' ? lazy() : lazy;
		for (const member of members) {
			if (member === from) continue;
			// Delivered on a later tick, as from another node: never inside the publisher's turn.
			queueMicrotask(() => {
				if (!members.has(member)) return;
				if (kind === 'update') member.listener.update(payload);
				else member.listener.awareness(from.name, payload);
			});
		}
	}
}
