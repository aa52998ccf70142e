import { createSubscriber } from 'svelte/reactivity';
import type { Awareness } from 'y-protocols/awareness';
import * as z from 'zod';
import { newId } from '../board/ids.ts';
import { userIdSchema } from '../board/schema.ts';

const sectionSchema = z.string().max(40);

/** A request to bring everyone to a section; the nonce tells one request from the next. */
export const summonSchema = z.object({ section: sectionSchema, nonce: z.string().max(40) });
/** A request to bring everyone to a section. */
export type Summon = z.infer<typeof summonSchema>;

const retroStateSchema = z.object({
	user: z.object({ id: userIdSchema }),
	retro: z.object({ section: sectionSchema, summon: summonSchema.nullable() })
});

/** Where a person is in the board, and their last "bring everyone here". */
export interface RetroWhereabouts {
	readonly section: string;
	readonly summon: Summon | null;
}

/**
 * Facilitation over awareness, which is ephemeral by nature: each client says which board
 * section it shows (so others can follow the facilitator), and the facilitator can ask
 * everyone present to come to a section. Nothing of it is stored.
 */
export class RetroAwareness {
	readonly #awareness: Awareness;
	readonly #subscribe: () => void;
	#section = '';
	#summon: Summon | null = null;

	constructor(awareness: Awareness) {
		this.#awareness = awareness;
		this.#subscribe = createSubscriber((update) => {
			awareness.on('change', update);
			return () => awareness.off('change', update);
		});
	}

	/** Tells the others which section this client shows ('' for the overview). */
	setSection(section: string): void {
		if (section === this.#section) return;
		this.#section = section;
		this.#publish();
	}

	/** Asks everyone present to come to `section`. */
	summon(section: string): void {
		this.#summon = { section, nonce: newId() };
		this.#publish();
	}

	/** Where `userId` is, from the first of their tabs that says so, or null when absent. */
	whereabouts(userId: string): RetroWhereabouts | null {
		this.#subscribe();
		for (const [clientId, state] of this.#awareness.getStates()) {
			if (clientId === this.#awareness.clientID) continue;
			const parsed = retroStateSchema.safeParse(state);
			if (parsed.success && parsed.data.user.id === userId) return parsed.data.retro;
		}
		return null;
	}

	#publish(): void {
		this.#awareness.setLocalStateField('retro', { section: this.#section, summon: this.#summon });
	}
}
