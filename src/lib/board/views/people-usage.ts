import { parseRaciCellKey } from '../read.ts';
import type { Person } from '../schema.ts';

/** What a person is named in across the board, counted so removing them can warn first. */
export interface PersonUsage {
	readonly milestones: number;
	readonly risks: number;
	readonly actions: number;
	readonly raciCells: number;
}

/** The parts of the board that refer to people. */
export interface PeopleReferences {
	readonly milestones: readonly { readonly owner: string }[];
	readonly risks: readonly { readonly owner: string }[];
	readonly actions: readonly { readonly owner: string }[];
	/** RACI cell keys (`taskId:personId`) of filled cells, from tasks that exist. */
	readonly raciCells: Iterable<string>;
	/** Ids of the RACI tasks that exist: cells of removed tasks do not count. */
	readonly raciTaskIds: ReadonlySet<string>;
}

/** How many milestones, risks and actions a person owns and how many RACI cells they hold. */
export function personUsage(personId: string, board: PeopleReferences): PersonUsage {
	const owned = (list: readonly { readonly owner: string }[]) =>
		list.filter((entry) => entry.owner === personId).length;
	let raciCells = 0;
	for (const key of board.raciCells) {
		const cell = parseRaciCellKey(key);
		if (cell?.personId === personId && board.raciTaskIds.has(cell.taskId)) raciCells++;
	}
	return {
		milestones: owned(board.milestones),
		risks: owned(board.risks),
		actions: owned(board.actions),
		raciCells
	};
}

/** True when removing the person would leave something behind worth a warning. */
export function isPersonInUse(usage: PersonUsage): boolean {
	return usage.milestones + usage.risks + usage.actions + usage.raciCells > 0;
}

/** "2 milestones, 1 risk and 3 RACI cells", or '' when the person is not used anywhere. */
export function describeUsage(usage: PersonUsage): string {
	const parts = [
		count(usage.milestones, 'milestone', 'milestones'),
		count(usage.risks, 'risk', 'risks'),
		count(usage.actions, 'action', 'actions'),
		count(usage.raciCells, 'RACI cell', 'RACI cells')
	].filter((part) => part !== '');
	if (parts.length <= 1) return parts.join('');
	return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** What to show for an owner field: the person's name, nobody, or a person since removed. */
export function ownerLabel(ownerId: string, people: readonly Person[]): string {
	if (ownerId === '') return 'Unassigned';
	return people.find((person) => person.id === ownerId)?.name ?? '(removed person)';
}

function count(value: number, singular: string, plural: string): string {
	if (value === 0) return '';
	return `${value} ${value === 1 ? singular : plural}`;
}
