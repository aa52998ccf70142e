import { milestoneCommands, type Milestone, type MilestonePatch } from '$lib/board/index.ts';
import { sortMilestones } from '$lib/board/views/milestone-schedule.ts';
import {
	EditableList,
	type EditableListOptions
} from '$lib/components/list/editable-list.svelte.ts';

/** The milestones: every write and removal with undo; shown by due date, so never moved by hand. */
export class MilestonePlan extends EditableList<Milestone, MilestonePatch> {
	readonly shown: Milestone[] = $derived.by(() => sortMilestones(this.view.milestones));

	constructor(options: EditableListOptions) {
		super(options, milestoneCommands, 'milestone');
	}

	/** Every milestone, in board order. */
	get all(): Milestone[] {
		return this.view.milestones;
	}

	/** Milestones follow their dates. */
	override get canReorder(): boolean {
		return false;
	}

	override get reorderBlockedReason(): string {
		return 'Milestones are ordered by due date.';
	}
}
