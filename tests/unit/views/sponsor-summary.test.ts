import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
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
import { sortRisks } from '../../../src/lib/board/views/risk-sort.ts';
import {
	TOP_RISK_COUNT,
	summarizeForSponsor
} from '../../../src/lib/board/views/sponsor-summary.ts';

const TODAY = '2026-06-15';

function summary(doc: Y.Doc, today = TODAY) {
	return summarizeForSponsor(
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

describe('summarizeForSponsor', () => {
	it('has nothing to name on an empty board', () => {
		const result = summary(createBoard('kickoff'));
		expect(result.milestones).toEqual([]);
		expect(result.troubledMilestones).toEqual([]);
		expect(result.topRisks).toEqual([]);
		expect(result.raciProblems).toEqual([]);
		expect(result.lateActions).toEqual([]);
		expect(result.actionsDueSoon).toEqual([]);
		expect(result.openRisks).toBe(0);
	});

	it('lists milestones by date and names the next, the overdue and the at-risk ones', () => {
		const doc = createBoard('kickoff');
		const ada = addPerson(doc, { name: 'Ada' });
		addMilestone(doc, { title: 'Undated' });
		addMilestone(doc, { title: 'Later', due: '2026-09-01', status: 'at-risk', owner: ada });
		addMilestone(doc, { title: 'Late', due: '2026-06-01' });
		addMilestone(doc, { title: 'Done early', due: '2026-06-02', status: 'done' });
		addMilestone(doc, { title: 'Next', due: TODAY });
		const result = summary(doc);
		expect(result.milestones.map(({ milestone }) => milestone.title)).toEqual([
			'Late',
			'Done early',
			'Next',
			'Later',
			'Undated'
		]);
		expect(result.milestones.filter((entry) => entry.next).map((e) => e.milestone.title)).toEqual([
			'Next'
		]);
		expect(result.nextMilestone?.title).toBe('Next');
		expect(
			result.troubledMilestones.map(({ milestone, overdue, atRisk }) => [
				milestone.title,
				overdue,
				atRisk
			])
		).toEqual([
			['Late', true, false],
			['Later', false, true]
		]);
		expect(result.troubledMilestones[1]?.owner).toBe('Ada');
		expect(result.overdueMilestones).toBe(1);
		expect(result.doneMilestones).toBe(1);
	});

	it('names no next milestone when every dated one is done or past', () => {
		const doc = createBoard('kickoff');
		addMilestone(doc, { title: 'Past', due: '2026-06-01' });
		addMilestone(doc, { title: 'Done', due: '2026-07-01', status: 'done' });
		const result = summary(doc);
		expect(result.nextMilestone).toBeNull();
		expect(result.milestones.some((entry) => entry.next)).toBe(false);
	});

	it('names the top open risks by score, closed ones out, ties in board order as the register sorts', () => {
		const doc = createBoard('kickoff');
		const ada = addPerson(doc, { name: 'Ada' });
		addRisk(doc, { title: 'Low', likelihood: 1, impact: 2 });
		updateRisk(doc, addRisk(doc, { title: 'Closed critical', likelihood: 5, impact: 5 }), {
			status: 'closed'
		});
		const first = addRisk(doc, { title: 'High first', likelihood: 3, impact: 4 });
		updateRisk(doc, first, { owner: ada, status: 'mitigating' });
		addRisk(doc, { title: 'Critical', likelihood: 4, impact: 5 });
		addRisk(doc, { title: 'High second', likelihood: 4, impact: 3 });
		addRisk(doc, { title: 'Medium', likelihood: 3, impact: 3 });
		addRisk(doc, { title: 'Accepted low', likelihood: 2, impact: 2 });
		const result = summary(doc);
		expect(result.topRisks.map(({ risk, score }) => `${risk.title} ${score}`)).toEqual([
			'Critical 20',
			'High first 12',
			'High second 12',
			'Medium 9',
			'Accepted low 4'
		]);
		expect(result.topRisks).toHaveLength(TOP_RISK_COUNT);
		expect(result.topRisks[1]).toMatchObject({ owner: 'Ada', band: { id: 'high' } });
		// The register's score sort, closed risks left out, begins with the same risks.
		const register = sortRisks(
			readRisks(doc).items.filter((risk) => risk.status !== 'closed'),
			{ column: 'score', direction: 'descending' },
			readPeople(doc).items
		);
		expect(result.topRisks.map(({ risk }) => risk.id)).toEqual(
			register.slice(0, TOP_RISK_COUNT).map((risk) => risk.id)
		);
		// The count agrees with the heat map's: every risk but the closed one.
		expect(result.openRisks).toBe(6);
	});

	it('lists the RACI tasks failing a check with their problems, as many as it counts', () => {
		const doc = createBoard('kickoff');
		const ada = addPerson(doc, { name: 'Ada' });
		const bob = addPerson(doc, { name: 'Bob' });
		const fine = addRaciTask(doc, { title: 'Fine' });
		setRaciCell(doc, fine, ada, 'A');
		setRaciCell(doc, fine, bob, 'R');
		addRaciTask(doc, { title: 'Empty' });
		const twoOwners = addRaciTask(doc, { title: 'Two owners' });
		setRaciCell(doc, twoOwners, ada, 'A');
		setRaciCell(doc, twoOwners, bob, 'A');
		const result = summary(doc);
		expect(result.raciProblems.map(({ task, problems }) => [task.title, problems])).toEqual([
			['Empty', ['noAccountable', 'noResponsible']],
			['Two owners', ['severalAccountable', 'noResponsible']]
		]);
		expect(result.raciProblems).toHaveLength(result.raciTasksWithProblems);
	});

	it('lists overdue actions longest late first, and open actions due this week soonest first', () => {
		const doc = createBoard('kickoff');
		const ada = addPerson(doc, { name: 'Ada' });
		addAction(doc, { title: 'A day late', due: '2026-06-14', owner: ada });
		addAction(doc, { title: 'Weeks late', due: '2026-05-20' });
		addAction(doc, { title: 'Done late', due: '2026-05-01', status: 'done' });
		addAction(doc, { title: 'In six days', due: '2026-06-21' });
		addAction(doc, { title: 'In a week', due: '2026-06-22' });
		addAction(doc, { title: 'Today', due: TODAY, status: 'doing' });
		addAction(doc, { title: 'Undated' });
		const result = summary(doc);
		expect(result.lateActions.map(({ action, days }) => [action.title, days])).toEqual([
			['Weeks late', -26],
			['A day late', -1]
		]);
		expect(result.lateActions[1]?.owner).toBe('Ada');
		expect(result.lateActions).toHaveLength(result.overdueActions);
		expect(result.actionsDueSoon.map(({ action }) => action.title)).toEqual([
			'Today',
			'In six days'
		]);
	});
});
