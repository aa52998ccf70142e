import { createSubscriber } from 'svelte/reactivity';
import { localDateString } from '$lib/board/dates.ts';

/** How often the date is looked at again, so a board left open overnight turns the day. */
const CHECK_EVERY_MS = 60_000;

/** Today's local date (`YYYY-MM-DD`), reactive: readers re-render when the day changes. */
export class Today {
	readonly #subscribe = createSubscriber((update) => {
		const timer = setInterval(update, CHECK_EVERY_MS);
		return () => clearInterval(timer);
	});

	/** Today, as the user's calendar says. */
	get current(): string {
		this.#subscribe();
		return localDateString(new Date());
	}
}
