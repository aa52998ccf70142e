import { raciTaskCommands, type RaciTask, type RaciTaskPatch } from '$lib/board/index.ts';
import { WholeList, type EditableListOptions } from '$lib/components/list/editable-list.svelte.ts';

/** The RACI matrix's rows as a hand-ordered list: renames, order, removal with undo. */
export class RaciTaskList extends WholeList<RaciTask, RaciTaskPatch> {
	constructor(options: EditableListOptions) {
		super(options, raciTaskCommands, 'task');
	}

	/** Every task, in board order. */
	get all(): RaciTask[] {
		return this.view.raciTasks;
	}
}
