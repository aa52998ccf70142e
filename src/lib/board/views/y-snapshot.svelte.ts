import { createSubscriber } from 'svelte/reactivity';
import type * as Y from 'yjs';

/**
 * A reactive, cached read of a Y type: `current` recomputes `read()` only after the type (or
 * anything inside it) changed, and Svelte re-renders whoever read it.
 */
export class YSnapshot<T> {
	readonly #read: () => T;
	readonly #subscribe: () => void;
	#cached: { value: T } | null = null;
	#listening = false;

	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Y.Map<X> is no AbstractType<unknown>
	constructor(type: Y.AbstractType<any>, read: () => T) {
		this.#read = read;
		this.#subscribe = createSubscriber((update) => {
			const changed = () => {
				this.#cached = null;
				update();
			};
			this.#listening = true;
			this.#cached = null;
			type.observeDeep(changed);
			return () => {
				type.unobserveDeep(changed);
				this.#listening = false;
			};
		});
	}

	/** The latest validated value. */
	get current(): T {
		this.#subscribe();
		// Outside an effect nothing listens for changes, so a cached value could be stale.
		if (!this.#listening || !this.#cached) this.#cached = { value: this.#read() };
		return this.#cached.value;
	}
}
