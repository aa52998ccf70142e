import {
	addRaciTask,
	moveRaciTask,
	removeRaciTask,
	updateRaciTask,
	type RaciTask,
	type RaciTaskPatch
} from '$lib/board/index.ts';
import { WholeList, type EditableListOptions } from '$lib/components/list/editable-list.svelte.ts';

const taskCommands = {
	add: addRaciTask,
	update: updateRaciTask,
	remove: removeRaciTask,
	move: moveRaciTask
};

/** The RACI matrix's rows as a hand-ordered list: renames, order, removal with undo. */
export class RaciTaskList extends WholeList<RaciTask, RaciTaskPatch> {
	constructor(options: EditableListOptions) {
		super(options, taskCommands, 'task');
	}

	/** Every task, in board order. */
	get all(): RaciTask[] {
		return this.view.raciTasks;
	}
}
