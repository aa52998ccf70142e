import type * as Y from 'yjs';
import {
	addPerson,
	movePerson,
	removePerson,
	updatePerson,
	type Person,
	type PersonPatch
} from '$lib/board/index.ts';
import { WholeList, type EditableListOptions } from '$lib/components/list/editable-list.svelte.ts';

const personCommands = {
	add: (doc: Y.Doc, { title }: { title: string }) => addPerson(doc, { name: title }),
	update: updatePerson,
	remove: removePerson,
	move: movePerson
};

/** The people of the board as a hand-ordered list: every write, the order, removal with undo. */
export class PeopleRoster extends WholeList<Person, PersonPatch> {
	constructor(options: EditableListOptions) {
		super(options, personCommands, 'person');
	}

	/** Everyone, in board order. */
	get all(): Person[] {
		return this.view.people;
	}

	protected override nameOf(person: Person): string {
		return person.name;
	}
}
