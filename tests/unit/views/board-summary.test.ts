import { describe, expect, it } from 'vitest';
import {
	addAction,
	addMilestone,
	addPerson,
	addRaciTask,
	addRisk,
	createBoard,
	readActions,
	readMilestones,
	readPeople,
	readRaci,
	readRaciTasks,
	readRisks,
	setRaciCell,
	updateRisk
} from '../../../src/lib/board/index.ts';
import { summarizeBoard } from '../../../src/lib/board/views/board-summary.ts';
import type * as Y from 'yjs';

function summary(doc: Y.Doc, today = '2026-06-15') {
	return summarizeBoard(
		{
			people: readPeople(doc).items,
			risks: readRisks(doc).items,
			milestones: readMilestones(doc).items,
			raciTasks: readRaciTasks(doc).items,
			raci: readRaci(doc).cells,
			actions: readActions(doc).items
		},
		today
	);
}

describe('summarizeBoard', () => {
	it('summarizes an empty board as nothing to do', () => {
		expect(summary(createBoard('kickoff'))).toEqual({
			people: 0,
			openRisksByBand: { low: 0, medium: 0, high: 0, critical: 0 },
			openRisks: 0,
			closedRisks: 0,
			nextMilestone: null,
			overdueMilestones: 0,
			raciTasks: 0,
			raciTasksWithProblems: 0,
			openActions: 0,
			overdueActions: 0
		});
	});

	it('counts open risks by band, leaving closed ones out', () => {
		const doc = createBoard('kickoff');
		addRisk(doc, { title: 'Critical', likelihood: 5, impact: 5 });
		addRisk(doc, { title: 'High', likelihood: 3, impact: 4 });
		addRisk(doc, { title: 'Low', likelihood: 1, impact: 2 });
		updateRisk(doc, addRisk(doc, { title: 'Closed', likelihood: 5, impact: 5 }), {
			status: 'closed'
		});
		const result = summary(doc);
		expect(result.openRisksByBand).toEqual({ low: 1, medium: 0, high: 1, critical: 1 });
		expect(result.openRisks).toBe(3);
		expect(result.closedRisks).toBe(1);
	});

	it('finds the next milestone and counts the overdue ones and actions', () => {
		const doc = createBoard('kickoff');
		addMilestone(doc, { title: 'Late', due: '2026-06-01' });
		addMilestone(doc, { title: 'Done early', due: '2026-06-02', status: 'done' });
		addMilestone(doc, { title: 'Later', due: '2026-09-01' });
		addMilestone(doc, { title: 'Next', due: '2026-06-20' });
		addAction(doc, { title: 'Late action', due: '2026-06-10' });
		addAction(doc, { title: 'Finished', due: '2026-06-10', status: 'done' });
		const result = summary(doc);
		expect(result.nextMilestone?.title).toBe('Next');
		expect(result.overdueMilestones).toBe(1);
		expect(result.openActions).toBe(1);
		expect(result.overdueActions).toBe(1);
	});

	it('counts the RACI tasks whose row fails a check', () => {
		const doc = createBoard('kickoff');
		const ada = addPerson(doc, { name: 'Ada' });
		const bob = addPerson(doc, { name: 'Bob' });
		const fine = addRaciTask(doc, { title: 'Fine' });
		setRaciCell(doc, fine, ada, 'A');
		setRaciCell(doc, fine, bob, 'R');
		addRaciTask(doc, { title: 'Empty' });
		const result = summary(doc);
		expect(result.raciTasks).toBe(2);
		expect(result.raciTasksWithProblems).toBe(1);
	});
});
