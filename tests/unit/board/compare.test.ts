// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addMilestone,
	addPerson,
	addRaciTask,
	addRisk,
	createBoard,
	readCharterSection,
	removeMilestone,
	removePerson,
	removeRaciTask,
	removeRisk,
	setRaciCell,
	setTitle,
	updateMilestone,
	updateRisk
} from '../../../src/lib/board/index.ts';
import { compareBoards, countChanges } from '../../../src/lib/board/diff/compare.ts';
import { plainText } from '../../../src/lib/board/diff/plain-text.ts';
import { diffText } from '../../../src/lib/board/diff/text-diff.ts';
import { peerOf } from '../../helpers/board.ts';
import { rewriteField } from './rich-text-editing.ts';

/** A kickoff board as it stood when its baseline was saved. */
function kickoffBoard() {
	const doc = createBoard('kickoff', { title: 'Apollo kickoff', now: 1 });
	const ada = addPerson(doc, { name: 'Ada', role: 'Lead' });
	const grace = addPerson(doc, { name: 'Grace', role: 'Engineer' });
	const linus = addPerson(doc, { name: 'Linus' });
	const vendor = addRisk(
		doc,
		{ title: 'Vendor late', likelihood: 3, impact: 4, owner: ada },
		{ now: 1 }
	);
	const budget = addRisk(doc, { title: 'Budget cut', likelihood: 2, impact: 5 }, { now: 1 });
	const staff = addRisk(
		doc,
		{ title: 'Staff leave', likelihood: 2, impact: 2, owner: grace },
		{ now: 1 }
	);
	const design = addRaciTask(doc, { title: 'Design' });
	const build = addRaciTask(doc, { title: 'Build' });
	setRaciCell(doc, design, ada, 'A');
	setRaciCell(doc, design, grace, 'R');
	setRaciCell(doc, build, grace, 'R');
	const beta = addMilestone(doc, { title: 'Beta', due: '2026-03-01', owner: ada });
	const launch = addMilestone(doc, { title: 'Launch', due: '2026-06-01' });
	const retired = addMilestone(doc, { title: 'Pilot', due: '2026-02-01' });
	rewriteField(readCharterSection(doc, 'inScope')!, ['The web app and the API', 'Reports']);
	rewriteField(readCharterSection(doc, 'objectives')!, ['Ship by June']);
	return { doc, ada, grace, linus, vendor, budget, staff, design, build, beta, launch, retired };
}

describe('compareBoards', () => {
	it('finds no changes between a board and a copy of it', () => {
		const { doc } = kickoffBoard();
		const changes = compareBoards(peerOf(doc), doc);
		expect(countChanges(changes)).toBe(0);
		expect(changes.charter).toEqual([]);
	});

	it('lists exactly the risks added, removed, re-scored and otherwise changed', () => {
		const board = kickoffBoard();
		const baseline = peerOf(board.doc);
		const { doc, ada, linus } = board;
		const outage = addRisk(doc, { title: 'Cloud outage', likelihood: 1, impact: 5, owner: linus });
		removeRisk(doc, board.budget);
		updateRisk(doc, board.vendor, { likelihood: 5 });
		updateRisk(doc, board.staff, { owner: ada, status: 'mitigating', title: 'Key staff leave' });

		const { risks } = compareBoards(baseline, doc);
		expect(risks.added).toEqual([
			{
				id: outage,
				title: 'Cloud outage',
				likelihood: 1,
				impact: 5,
				score: 5,
				owner: 'Linus',
				status: 'open'
			}
		]);
		expect(risks.removed).toEqual([
			{
				id: board.budget,
				title: 'Budget cut',
				likelihood: 2,
				impact: 5,
				score: 10,
				owner: 'Unassigned',
				status: 'open'
			}
		]);
		expect(risks.rescored).toEqual([
			{
				id: board.vendor,
				title: 'Vendor late',
				before: { likelihood: 3, impact: 4, score: 12 },
				after: { likelihood: 5, impact: 4, score: 20 }
			}
		]);
		expect(risks.changed).toEqual([
			{
				id: board.staff,
				title: 'Key staff leave',
				changes: [
					{ field: 'title', before: 'Staff leave', after: 'Key staff leave' },
					{ field: 'owner', before: 'Grace', after: 'Ada' },
					{ field: 'status', before: 'Open', after: 'Mitigating' }
				]
			}
		]);
	});

	it('lists RACI cells changed as task × person before → after, in matrix order, with rows added and removed', () => {
		const board = kickoffBoard();
		const baseline = peerOf(board.doc);
		const { doc, ada, grace, linus } = board;
		setRaciCell(doc, board.design, ada, 'R');
		setRaciCell(doc, board.design, grace, null);
		setRaciCell(doc, board.design, linus, 'I');
		removeRaciTask(doc, board.build);
		const test = addRaciTask(doc, { title: 'Test' });
		setRaciCell(doc, test, grace, 'C');

		const { raci } = compareBoards(baseline, doc);
		expect(raci.tasksAdded).toEqual(['Test']);
		expect(raci.tasksRemoved).toEqual(['Build']);
		expect(
			raci.cells.map(({ task, person, before, after }) => [task, person, before, after])
		).toEqual([
			['Design', 'Ada', 'A', 'R'],
			['Design', 'Grace', 'R', null],
			['Design', 'Linus', null, 'I'],
			['Test', 'Grace', null, 'C'],
			['Build', 'Grace', 'R', null]
		]);
	});

	it('lists milestones moved (due before → after), added, removed and changed', () => {
		const board = kickoffBoard();
		const baseline = peerOf(board.doc);
		const { doc } = board;
		updateMilestone(doc, board.beta, { due: '2026-04-15' });
		updateMilestone(doc, board.launch, { due: '', status: 'at-risk' });
		removeMilestone(doc, board.retired);
		const review = addMilestone(doc, { title: 'Review', due: '2026-05-01' });

		const { milestones } = compareBoards(baseline, doc);
		expect(milestones.moved).toEqual([
			{ id: board.beta, title: 'Beta', before: '2026-03-01', after: '2026-04-15', slip: 45 },
			{ id: board.launch, title: 'Launch', before: '2026-06-01', after: '', slip: null }
		]);
		expect(milestones.added).toEqual([
			{ id: review, title: 'Review', due: '2026-05-01', status: 'planned' }
		]);
		expect(milestones.removed).toEqual([
			{ id: board.retired, title: 'Pilot', due: '2026-02-01', status: 'planned' }
		]);
		expect(milestones.changed).toEqual([
			{
				id: board.launch,
				title: 'Launch',
				changes: [{ field: 'status', before: 'Planned', after: 'At risk' }]
			}
		]);
	});

	it('gives a moved milestone its slip in calendar days, later or earlier, weekends counted', () => {
		const board = kickoffBoard();
		const baseline = peerOf(board.doc);
		const { doc } = board;
		// 2026-03-01 is a Sunday: five days later is a Friday, the weekend between counted.
		updateMilestone(doc, board.beta, { due: '2026-03-06' });
		updateMilestone(doc, board.launch, { due: '2026-05-30' });
		updateMilestone(doc, board.retired, { due: '' });

		const { moved } = compareBoards(baseline, doc).milestones;
		expect(moved.map(({ title, slip }) => [title, slip])).toEqual([
			['Beta', 5],
			['Launch', -2],
			['Pilot', null]
		]);
		const back = compareBoards(doc, baseline).milestones.moved;
		expect(back.find(({ id }) => id === board.beta)?.slip).toBe(-5);
		expect(back.find(({ id }) => id === board.retired)?.slip).toBeNull();
	});

	it('lists people added and removed, and the board’s new title', () => {
		const board = kickoffBoard();
		const baseline = peerOf(board.doc);
		const { doc } = board;
		removePerson(doc, board.linus);
		const margaret = addPerson(doc, { name: 'Margaret', role: 'QA' });
		setTitle(doc, 'Apollo programme');

		const changes = compareBoards(baseline, doc);
		expect(changes.people).toEqual({
			added: [{ id: margaret, name: 'Margaret', role: 'QA' }],
			removed: [{ id: board.linus, name: 'Linus', role: '' }]
		});
		expect(changes.title).toEqual({ before: 'Apollo kickoff', after: 'Apollo programme' });
	});

	it('gives a word-level diff of each charter section whose text changed, and only those', () => {
		const board = kickoffBoard();
		const baseline = peerOf(board.doc);
		const { doc } = board;
		rewriteField(readCharterSection(doc, 'inScope')!, ['The mobile app and the API', 'Reports']);
		rewriteField(readCharterSection(doc, 'outOfScope')!, ['Billing']);

		const { charter } = compareBoards(baseline, doc);
		expect(charter).toEqual([
			{
				section: 'inScope',
				label: 'In scope',
				parts: [
					{ kind: 'same', text: 'The ' },
					{ kind: 'removed', text: 'web' },
					{ kind: 'added', text: 'mobile' },
					{ kind: 'same', text: ' app and the API\nReports' }
				]
			},
			{ section: 'outOfScope', label: 'Out of scope', parts: [{ kind: 'added', text: 'Billing' }] }
		]);
	});

	it('compares a board with one that lost every entry, and the other way round', () => {
		const { doc } = kickoffBoard();
		const empty = createBoard('kickoff', { title: 'Apollo kickoff', now: 1 });
		const lost = compareBoards(doc, empty);
		expect(lost.risks.removed.map((risk) => risk.title)).toEqual([
			'Vendor late',
			'Budget cut',
			'Staff leave'
		]);
		expect(lost.people.removed).toHaveLength(3);
		expect(lost.charter.map((change) => change.section)).toEqual(['objectives', 'inScope']);
		const gained = compareBoards(empty, doc);
		expect(gained.risks.added.map((risk) => risk.owner)).toEqual(['Ada', 'Unassigned', 'Grace']);
		expect(gained.milestones.added).toHaveLength(3);
		expect(countChanges(gained)).toBe(3 + 3 + 3 + 2 + 3 + 2);
	});

	it('leaves out entries a peer wrote that do not parse, on either side', () => {
		const { doc } = kickoffBoard();
		const baseline = peerOf(doc);
		doc.getMap('risks').set('AAAAAAAAAAAAAAAA', new Y.Map([['title', 42]]));
		doc.getMap('raci').set('not-a-cell-key', 'R');
		expect(countChanges(compareBoards(baseline, doc))).toBe(0);
	});
});

describe('plainText', () => {
	it('reads each paragraph of a Lexical field as a line, and an empty field as nothing', () => {
		const doc = createBoard('kickoff');
		const field = readCharterSection(doc, 'background')!;
		expect(plainText(field)).toBe('');
		rewriteField(field, ['First line', '', 'Third line']);
		expect(plainText(field)).toBe('First line\n\nThird line');
	});
});

describe('diffText', () => {
	it('is empty for equal texts and marks whole words, not characters', () => {
		expect(diffText('same words', 'same words')).toEqual([]);
		expect(diffText('risk is low', 'risk is lower')).toEqual([
			{ kind: 'same', text: 'risk is ' },
			{ kind: 'removed', text: 'low' },
			{ kind: 'added', text: 'lower' }
		]);
	});

	it('replaces a number, a date or a hyphenated word whole', () => {
		expect(diffText('cut cost by 0.8% now', 'cut cost by 5% now')).toEqual([
			{ kind: 'same', text: 'cut cost by ' },
			{ kind: 'removed', text: '0.8%' },
			{ kind: 'added', text: '5%' },
			{ kind: 'same', text: ' now' }
		]);
		expect(diffText('due 2026-03-01', 'due 2026-04-01')).toEqual([
			{ kind: 'same', text: 'due ' },
			{ kind: 'removed', text: '2026-03-01' },
			{ kind: 'added', text: '2026-04-01' }
		]);
	});
});
