import type * as Y from 'yjs';
import { personCommands, type Person, type PersonPatch } from '$lib/board/index.ts';
import { WholeList, type EditableListOptions } from '$lib/components/list/editable-list.svelte.ts';

// The list adds by title; a person's title is their name.
const rosterCommands = {
	...personCommands,
	add: (doc: Y.Doc, { title }: { title: string }) => personCommands.add(doc, { name: title })
};

/** The people of the board as a hand-ordered list: every write, the order, removal with undo. */
export class PeopleRoster extends WholeList<Person, PersonPatch> {
	constructor(options: EditableListOptions) {
		super(options, rosterCommands, 'person');
	}

	/** Everyone, in board order. */
	get all(): Person[] {
		return this.view.people;
	}

	protected override nameOf(person: Person): string {
		return person.name;
	}
}
