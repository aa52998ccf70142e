import { describe, expect, it } from 'vitest';
import {
	addAction,
	addPerson,
	createBoard,
	readActions,
	readPeople,
	removePerson
} from '../../../src/lib/board/index.ts';
import {
	NO_ACTION_FILTER,
	countOverdue,
	filterActions,
	isActionFilterActive,
	isOverdue
} from '../../../src/lib/board/views/action-filter.ts';

function actionsBoard() {
	const doc = createBoard('kickoff');
	const ann = addPerson(doc, { name: 'Ann' });
	const bo = addPerson(doc, { name: 'Bo' });
	addAction(doc, { title: 'A', owner: ann, status: 'todo' });
	addAction(doc, { title: 'B', owner: bo, status: 'doing' });
	addAction(doc, { title: 'C', owner: ann, status: 'done' });
	addAction(doc, { title: 'D', status: 'todo' });
	return { doc, ann, bo };
}

function titlesOf(actions: { title: string }[]): string {
	return actions.map((action) => action.title).join('');
}

describe('filterActions', () => {
	const { doc, ann, bo } = actionsBoard();
	const actions = readActions(doc).items;
	const people = readPeople(doc).items;

	it('passes every action when no filter is set', () => {
		expect(titlesOf(filterActions(actions, NO_ACTION_FILTER, people))).toBe('ABCD');
		expect(isActionFilterActive(NO_ACTION_FILTER)).toBe(false);
	});

	it('filters by status and by owner, combined', () => {
		expect(titlesOf(filterActions(actions, { status: 'todo', owner: null }, people))).toBe('AD');
		expect(titlesOf(filterActions(actions, { status: null, owner: ann }, people))).toBe('AC');
		expect(titlesOf(filterActions(actions, { status: 'todo', owner: ann }, people))).toBe('A');
		expect(titlesOf(filterActions(actions, { status: 'done', owner: bo }, people))).toBe('');
		expect(titlesOf(filterActions(actions, { status: null, owner: '' }, people))).toBe('D');
	});

	it('counts actions of a removed person as unassigned', () => {
		const board = actionsBoard();
		removePerson(board.doc, board.bo);
		const filtered = filterActions(
			readActions(board.doc).items,
			{ status: null, owner: '' },
			readPeople(board.doc).items
		);
		expect(titlesOf(filtered)).toBe('BD');
	});
});

describe('isOverdue', () => {
	const today = '2025-06-15';

	it('flags an action that is not done and was due before today', () => {
		expect(isOverdue({ status: 'todo', due: '2025-06-14' }, today)).toBe(true);
		expect(isOverdue({ status: 'doing', due: '2024-12-31' }, today)).toBe(true);
	});

	it('does not flag a done action, one due today or later, or one without a date', () => {
		expect(isOverdue({ status: 'done', due: '2025-01-01' }, today)).toBe(false);
		expect(isOverdue({ status: 'todo', due: today }, today)).toBe(false);
		expect(isOverdue({ status: 'todo', due: '2025-07-01' }, today)).toBe(false);
		expect(isOverdue({ status: 'todo', due: '' }, today)).toBe(false);
	});

	it('counts the overdue actions of a list', () => {
		expect(
			countOverdue(
				[
					{ status: 'todo', due: '2025-06-01' },
					{ status: 'done', due: '2025-06-01' },
					{ status: 'doing', due: '2025-06-20' }
				],
				today
			)
		).toBe(1);
	});
});
