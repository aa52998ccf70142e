import { createSubscriber } from 'svelte/reactivity';
import type { Awareness } from 'y-protocols/awareness';
import { z } from 'zod';
import { profileSchema, type UserProfile } from './profile.svelte.ts';

/** Where a person is working: a board section and, optionally, one item or field in it. */
export const presenceFocusSchema = z.object({
	section: z.string().max(40),
	id: z.string().max(80).optional()
});

/** Where a person is working. */
export type PresenceFocus = z.infer<typeof presenceFocusSchema>;

const peerStateSchema = z.object({
	user: profileSchema,
	focus: presenceFocusSchema.nullable().catch(null)
});

/** Another person on the board, as their awareness state says. */
export interface Peer {
	clientId: number;
	user: UserProfile;
	focus: PresenceFocus | null;
}

/**
 * Presence on one board over the provider's awareness: who else is here and what they are
 * working on. The local state also carries the fields @lexical/yjs reads for carets (`name`,
 * `color`, `focusing`, `anchorPos`, `focusPos`), so rich-text editors share this one state.
 */
export class Presence {
	readonly #awareness: Awareness;
	readonly #subscribe: () => void;
	readonly #offline: () => boolean;
	/** The others as last seen while this browser was connected. */
	#lastSeen = $state.raw<UserProfile[]>([]);

	/**
	 * `offline` says whether this browser has lost the server: then the others are shown as they
	 * were last seen, marked away, since nothing says whether they are still here.
	 */
	constructor(awareness: Awareness, user: UserProfile, offline: () => boolean = () => false) {
		this.#awareness = awareness;
		this.#offline = offline;
		awareness.setLocalState({
			user,
			focus: null,
			name: user.name,
			color: user.color,
			focusing: false,
			anchorPos: null,
			focusPos: null,
			awarenessData: {}
		});
		this.#subscribe = createSubscriber((update) => {
			awareness.on('change', update);
			return () => awareness.off('change', update);
		});
		// Losing the link removes everyone from awareness (the provider does it on close): the
		// last list seen while connected is kept for the "away" avatars.
		awareness.on('change', () => {
			if (!this.#offline()) this.#lastSeen = this.#livePeople();
		});
	}

	/** True while this browser is offline: `people` are then the last seen, and may be away. */
	get away(): boolean {
		return this.#offline();
	}

	/** The other people here, one entry per tab, validated; malformed states are ignored. */
	get peers(): Peer[] {
		this.#subscribe();
		return this.#peers();
	}

	/**
	 * The other people here, one entry per person even when they have several tabs open; while
	 * this browser is offline, those last seen (see `away`).
	 */
	get people(): UserProfile[] {
		if (this.#offline()) return this.#lastSeen;
		this.#subscribe();
		return this.#livePeople();
	}

	#livePeople(): UserProfile[] {
		const byId = new Map<string, UserProfile>();
		for (const peer of this.#peers()) byId.set(peer.user.id, peer.user);
		return [...byId.values()];
	}

	#peers(): Peer[] {
		const peers: Peer[] = [];
		for (const [clientId, state] of this.#awareness.getStates()) {
			if (clientId === this.#awareness.clientID) continue;
			const parsed = peerStateSchema.safeParse(state);
			if (parsed.success) peers.push({ clientId, ...parsed.data });
		}
		return peers;
	}

	/** The others whose focus is on `section` (and on item `id`, when given). */
	peersAt(section: string, id?: string): Peer[] {
		return this.peers.filter(
			(peer) => peer.focus?.section === section && (id === undefined || peer.focus.id === id)
		);
	}

	/** Tells the others where this user is working; null when nowhere in particular. */
	setFocus(focus: PresenceFocus | null): void {
		this.#awareness.setLocalStateField('focus', focus);
	}

	/** Updates the name and colour the others see. */
	setUser(user: UserProfile): void {
		this.#awareness.setLocalStateField('user', user);
		this.#awareness.setLocalStateField('name', user.name);
		this.#awareness.setLocalStateField('color', user.color);
	}

	/** Handlers that report focus on an item while focus is inside the element they are on. */
	focusHandlers(section: string, id?: string) {
		return {
			onfocusin: () => this.setFocus(id === undefined ? { section } : { section, id }),
			onfocusout: (event: FocusEvent) => {
				const next = event.relatedTarget;
				if (next instanceof Node && (event.currentTarget as Node).contains(next)) return;
				this.setFocus(null);
			}
		};
	}
}
