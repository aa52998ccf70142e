import { describe, expect, it } from 'vitest';
import { raciCellKey, type Person } from '../../../src/lib/board/index.ts';
import {
	describeUsage,
	isPersonInUse,
	ownerLabel,
	personUsage
} from '../../../src/lib/board/views/people-usage.ts';

const ana = 'ana_____________';
const ben = 'ben_____________';
const plan = 'plan____________';
const gone = 'gone____________';

const board = {
	milestones: [{ owner: ana }, { owner: ben }, { owner: ana }],
	risks: [{ owner: ana }, { owner: '' }],
	actions: [{ owner: ben }],
	raciCells: [raciCellKey(plan, ana), raciCellKey(plan, ben), raciCellKey(gone, ana)],
	raciTaskIds: new Set([plan])
};

describe('personUsage', () => {
	it('counts what a person owns and the RACI cells they hold on existing tasks', () => {
		expect(personUsage(ana, board)).toEqual({ milestones: 2, risks: 1, actions: 0, raciCells: 1 });
		expect(personUsage(ben, board)).toEqual({ milestones: 1, risks: 0, actions: 1, raciCells: 1 });
	});

	it('finds nothing for a person nobody refers to', () => {
		const usage = personUsage('cy______________', board);
		expect(usage).toEqual({ milestones: 0, risks: 0, actions: 0, raciCells: 0 });
		expect(isPersonInUse(usage)).toBe(false);
		expect(describeUsage(usage)).toBe('');
	});
});

describe('describeUsage', () => {
	it('lists only what is used, with plurals and a final "and"', () => {
		expect(describeUsage({ milestones: 2, risks: 1, actions: 0, raciCells: 3 })).toBe(
			'2 milestones, 1 risk and 3 RACI cells'
		);
		expect(describeUsage({ milestones: 0, risks: 0, actions: 1, raciCells: 0 })).toBe('1 action');
		expect(describeUsage({ milestones: 1, risks: 0, actions: 0, raciCells: 1 })).toBe(
			'1 milestone and 1 RACI cell'
		);
	});
});

describe('ownerLabel', () => {
	const people: Person[] = [{ id: ana, name: 'Ana', role: '', color: '#123456', order: 'a0' }];

	it('names the owner, nobody, or a person who was removed', () => {
		expect(ownerLabel(ana, people)).toBe('Ana');
		expect(ownerLabel('', people)).toBe('Unassigned');
		expect(ownerLabel(ben, people)).toBe('(removed person)');
	});
});
