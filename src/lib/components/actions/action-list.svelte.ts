import { createContext } from 'svelte';
import { actionCommands, type Action, type ActionPatch } from '$lib/board/index.ts';
import {
	NO_ACTION_FILTER,
	filterActions,
	type ActionFilter
} from '$lib/board/views/action-filter.ts';
import {
	EditableList,
	type EditableListOptions
} from '$lib/components/list/editable-list.svelte.ts';

/**
 * The state of the actions section: its filters, and every write (through EditableList).
 * Components read it and call its methods; it never touches the DOM.
 */
export class ActionList extends EditableList<Action, ActionPatch> {
	#filter = $state.raw<ActionFilter>(NO_ACTION_FILTER);

	/** Actions that pass the filters, in board order. */
	readonly shown: Action[] = $derived.by(() =>
		filterActions(this.view.actions, this.#filter, this.view.people)
	);

	constructor(options: EditableListOptions) {
		super(options, actionCommands, 'action');
	}

	/** Every action on the board, in board order. */
	get all(): Action[] {
		return this.view.actions;
	}

	/** The filters set. */
	get filter(): ActionFilter {
		return this.#filter;
	}

	/** Sets some filters, keeping the others. */
	setFilter(patch: Partial<ActionFilter>): void {
		this.#filter = { ...this.#filter, ...patch };
	}

	/** Removes every filter. */
	clearFilters(): void {
		this.#filter = NO_ACTION_FILTER;
	}
}

/** Reads and provides the actions section's state. */
export const [getActionList, setActionList] = createContext<ActionList>();
