// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addAction,
	addMilestone,
	addPerson,
	addRaciTask,
	addRisk,
	createBoard,
	readCharterSection,
	removeAction,
	removePerson,
	removeRisk,
	setRaciCell,
	setTitle,
	updateAction,
	updateMilestone,
	updateRisk
} from '../../../src/lib/board/index.ts';
import { formatDate } from '../../../src/lib/board/dates.ts';
import { addDecision, removeDecision, updateDecision } from '../../../src/lib/board/decisions.ts';
import { changesSince, SOMEONE } from '../../../src/lib/board/diff/since.ts';
import { addBudgetLine, updateBudgetLine } from '../../../src/lib/board/budget.ts';
import { setAllocation } from '../../../src/lib/board/allocations.ts';
import { addDependency } from '../../../src/lib/board/dependency-commands.ts';
import { updateStakeholder } from '../../../src/lib/board/stakeholder-commands.ts';
import { writersOfEntry } from '../../../src/lib/board/diff/writers.ts';
import { readEditors, recordEditor } from '../../../src/lib/board/editors.ts';
import { boardRoots } from '../../../src/lib/board/doc.ts';
import { rewriteField } from './rich-text-editing.ts';

const ADA = { userId: 'user-ada', name: 'Ada Lovelace' };
const GRACE = { userId: 'user-grace', name: 'Grace Hopper' };
const ME = { userId: 'user-me', name: 'Me' };

/** Sends what `from` has and `to` lacks, as the sync server would. */
function sync(from: Y.Doc, to: Y.Doc): void {
	Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'remote');
}

/** A peer of `doc` that writes as `editor` (recorded, as a session does on its first change). */
function editorOf(doc: Y.Doc, editor: typeof ADA): Y.Doc {
	const peer = new Y.Doc();
	sync(doc, peer);
	recordEditor(peer, editor);
	return peer;
}

/** A board Ada made, my browser's copy of it, and what my browser last showed. */
function lookedAtBoard() {
	const ada = createBoard('kickoff', { title: 'Apollo', now: 1 });
	recordEditor(ada, ADA);
	const lead = addPerson(ada, { name: 'Linus', role: 'Lead' });
	const vendor = addRisk(ada, { title: 'Vendor late', likelihood: 3, impact: 4 }, { now: 1 });
	const budget = addRisk(ada, { title: 'Budget cut', likelihood: 2, impact: 2 }, { now: 1 });
	const beta = addMilestone(ada, { title: 'Beta', due: '2026-03-02' });
	const ship = addAction(ada, { title: 'Sign contract', due: '2026-02-01' }, { now: 1 });
	const design = addRaciTask(ada, { title: 'Design' });
	const mine = new Y.Doc();
	sync(ada, mine);
	const shown = Y.encodeStateAsUpdate(mine);
	return { ada, mine, shown, lead, vendor, budget, beta, ship, design };
}

describe('changesSince', () => {
	it('lists nothing when nothing changed', () => {
		const { mine, shown } = lookedAtBoard();
		expect(changesSince(shown, mine, ME.userId)).toEqual([]);
	});

	it('lists each change once, attributed to the profile name its writer recorded', () => {
		const board = lookedAtBoard();
		const { ada, mine, shown } = board;
		updateRisk(ada, board.vendor, { likelihood: 5 });
		updateMilestone(ada, board.beta, { due: '2026-03-09' });
		const grace = addPerson(ada, { name: 'Grace', role: 'QA' });
		sync(ada, mine);

		expect(changesSince(shown, mine, ME.userId)).toEqual([
			{
				key: `risks:${board.vendor}`,
				section: 'risks',
				focus: board.vendor,
				verb: 'changed',
				noun: 'risk',
				title: 'Vendor late',
				details: ['score from 12 to 20'],
				authors: ['Ada Lovelace']
			},
			{
				key: `milestones:${board.beta}`,
				section: 'milestones',
				focus: board.beta,
				verb: 'changed',
				noun: 'milestone',
				title: 'Beta',
				details: [`due date from ${formatDate('2026-03-02')} to ${formatDate('2026-03-09')}`],
				authors: ['Ada Lovelace']
			},
			{
				key: `people:${grace}`,
				section: 'people',
				focus: grace,
				verb: 'added',
				noun: 'person',
				title: 'Grace',
				details: [],
				authors: ['Ada Lovelace']
			}
		]);
	});

	it('lists budget lines, allocations, dependencies and stakeholder moves, each with its writer', () => {
		const board = lookedAtBoard();
		const { ada, mine } = board;
		const hosting = addBudgetLine(ada, { title: 'Hosting', planned: 100_00 });
		const alpha = addMilestone(ada, { title: 'Alpha', due: '2026-02-02' });
		sync(ada, mine);
		const shown = Y.encodeStateAsUpdate(mine);
		const grace = editorOf(ada, GRACE);
		updateBudgetLine(grace, hosting, { actual: 120_00 });
		const travel = addBudgetLine(grace, { title: 'Travel', planned: 50_00 });
		setAllocation(ada, board.lead, '2026-03', 50);
		addDependency(ada, alpha, board.beta);
		updateStakeholder(ada, board.lead, { influence: 5, interest: 5 });
		for (const peer of [grace, ada]) sync(peer, mine);

		const changes = changesSince(shown, mine, ME.userId);
		const said = (change: (typeof changes)[number]) =>
			`${change.authors.join(', ')} ${change.verb} the ${change.noun} ${change.title}` +
			(change.details.length > 0 ? `: ${change.details.join('; ')}` : '') +
			` [${change.section} ${change.focus ?? '-'}]`;
		expect(changes.map(said)).toEqual([
			`Grace Hopper added the budget line Travel [budget ${travel}]`,
			`Grace Hopper changed the budget line Hosting: actual from “€0.00” to “€120.00” [budget ${hosting}]`,
			'Ada Lovelace changed the allocation of Linus: March 2026 from none to 50% [resources -]',
			`Ada Lovelace changed the milestone Beta: now waits for “Alpha” [milestones ${board.beta}]`,
			'Ada Lovelace changed the stakeholder Linus: quadrant from “Not placed” to “Manage closely” [stakeholders -]'
		]);
	});

	it('leaves out what I changed myself, and names only the others on an entry we both changed', () => {
		const board = lookedAtBoard();
		const { ada, mine, shown } = board;
		recordEditor(mine, ME);
		updateRisk(mine, board.budget, { impact: 5 });
		updateMilestone(mine, board.beta, { title: 'Public beta' });
		updateMilestone(ada, board.beta, { status: 'at-risk' });
		sync(ada, mine);

		const changes = changesSince(shown, mine, ME.userId);
		expect(changes.map((change) => [change.key, change.authors])).toEqual([
			[`milestones:${board.beta}`, ['Ada Lovelace']]
		]);
		expect(changes[0]!.details).toEqual([
			'title from “Beta” to “Public beta”',
			'status from “Planned” to “At risk”'
		]);
	});

	it('names every writer of an entry, a person once across sessions', () => {
		const board = lookedAtBoard();
		const { ada, mine, shown } = board;
		const grace = editorOf(ada, GRACE);
		const adaAgain = editorOf(ada, ADA);
		updateRisk(grace, board.vendor, { impact: 5 });
		updateRisk(adaAgain, board.vendor, { status: 'mitigating' });
		updateRisk(ada, board.vendor, { owner: board.lead });
		for (const peer of [grace, adaAgain, ada]) sync(peer, mine);

		const [change] = changesSince(shown, mine, ME.userId);
		expect(change!.authors.toSorted()).toEqual(['Ada Lovelace', 'Grace Hopper']);
		expect(change!.details).toHaveLength(3);
	});

	it('says "someone" for a writer nobody recorded and for a removal', () => {
		const board = lookedAtBoard();
		const { ada, mine, shown } = board;
		const stranger = new Y.Doc();
		sync(ada, stranger);
		updateRisk(stranger, board.vendor, { title: 'Vendor very late' });
		removeRisk(ada, board.budget);
		sync(stranger, mine);
		sync(ada, mine);

		const changes = changesSince(shown, mine, ME.userId);
		expect(changes.map(({ key, verb, focus, authors }) => ({ key, verb, focus, authors }))).toEqual(
			[
				{ key: `risks:${board.budget}`, verb: 'removed', focus: null, authors: [SOMEONE] },
				{ key: `risks:${board.vendor}`, verb: 'changed', focus: board.vendor, authors: [SOMEONE] }
			]
		);
	});

	it('covers every kind of entry: title, risks, milestones, people, actions, RACI and charter', () => {
		const board = lookedAtBoard();
		const { ada, mine, shown } = board;
		setTitle(ada, 'Apollo 2');
		const outage = addRisk(ada, { title: 'Outage' });
		const launch = addMilestone(ada, { title: 'Launch', due: '2026-06-01' });
		removePerson(ada, board.lead);
		const call = addAction(ada, { title: 'Call vendor' });
		updateAction(ada, board.ship, { status: 'done' });
		const build = addRaciTask(ada, { title: 'Build' });
		const grace = addPerson(ada, { name: 'Grace' });
		setRaciCell(ada, board.design, grace, 'R');
		rewriteField(readCharterSection(ada, 'objectives')!, ['Ship by June']);
		sync(ada, mine);

		const changes = changesSince(shown, mine, ME.userId);
		expect(changes.map(({ key, verb, noun, authors }) => [key, verb, noun, authors])).toEqual([
			['board:title', 'changed', 'board title', ['Ada Lovelace']],
			[`risks:${outage}`, 'added', 'risk', ['Ada Lovelace']],
			[`milestones:${launch}`, 'added', 'milestone', ['Ada Lovelace']],
			[`people:${grace}`, 'added', 'person', ['Ada Lovelace']],
			[`people:${board.lead}`, 'removed', 'person', [SOMEONE]],
			[`actions:${call}`, 'added', 'action', ['Ada Lovelace']],
			[`actions:${board.ship}`, 'changed', 'action', ['Ada Lovelace']],
			[`raci:${build}`, 'added', 'RACI task', ['Ada Lovelace']],
			[`raci:${board.design}`, 'changed', 'RACI task', ['Ada Lovelace']],
			['charter:objectives', 'changed', 'charter section', ['Ada Lovelace']]
		]);
		const byKey = new Map(changes.map((change) => [change.key, change]));
		expect(byKey.get('board:title')).toMatchObject({ title: 'Apollo 2', focus: null });
		expect(byKey.get(`actions:${board.ship}`)!.details).toEqual(['status from “To do” to “Done”']);
		expect(byKey.get(`raci:${board.design}`)!.details).toEqual(['Grace from empty to R']);
		expect(byKey.get('charter:objectives')).toMatchObject({ title: 'Objectives', focus: null });
		removeAction(ada, call);
		removeAction(ada, board.ship);
		sync(ada, mine);
		expect(changesSince(shown, mine, ME.userId).filter((c) => c.section === 'actions')).toEqual([
			expect.objectContaining({ key: `actions:${board.ship}`, verb: 'removed', focus: null })
		]);
	});
});

describe('changesSince and the decision log', () => {
	it('lists decisions added, removed and changed, each attributed', () => {
		const board = lookedAtBoard();
		const { ada, mine } = board;
		const vendor = addDecision(ada, { title: 'Pick a vendor', status: 'proposed' });
		const cloud = addDecision(ada, { title: 'Use the cloud', status: 'decided' });
		sync(ada, mine);
		const shown = Y.encodeStateAsUpdate(mine);
		const grace = editorOf(ada, GRACE);
		updateDecision(grace, vendor, { status: 'decided', decidedOn: '2026-03-02' });
		removeDecision(ada, cloud);
		const budget = addDecision(ada, { title: 'Cap the budget' });
		for (const peer of [grace, ada]) sync(peer, mine);

		const changes = changesSince(shown, mine, ME.userId);
		expect(changes.map(({ key, verb, focus, authors }) => [key, verb, focus, authors])).toEqual([
			[`decisions:${budget}`, 'added', budget, ['Ada Lovelace']],
			[`decisions:${cloud}`, 'removed', null, [SOMEONE]],
			[`decisions:${vendor}`, 'changed', vendor, ['Grace Hopper']]
		]);
		expect(changes[2]!.details).toEqual([
			'status from “Proposed” to “Decided”',
			`decided on from no date to ${formatDate('2026-03-02')}`
		]);
	});
});

describe('writersOfEntry', () => {
	it('finds the writers of an entry and of the text inside it, past the older state only', () => {
		const { ada, mine, shown, vendor } = lookedAtBoard();
		const seen = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(shown));
		expect(writersOfEntry(boardRoots(mine).risks, vendor, seen)).toEqual(new Set());
		const grace = editorOf(ada, GRACE);
		// Typing into the title's Y.Text, nothing else.
		const title = (boardRoots(grace).risks.get(vendor) as Y.Map<Y.Text>).get('title')!;
		grace.transact(() => title.insert(title.length, ' again'));
		sync(grace, mine);
		expect(writersOfEntry(boardRoots(mine).risks, vendor, seen)).toEqual(new Set([grace.clientID]));
	});
});

describe('recordEditor', () => {
	it('records the client id once per name, and reading skips entries that do not parse', () => {
		const doc = createBoard('blank');
		recordEditor(doc, ADA);
		const before = Y.encodeStateVector(doc);
		recordEditor(doc, ADA);
		expect(Y.encodeStateVector(doc)).toEqual(before);
		boardRoots(doc).editors.set('not-a-client', ADA);
		boardRoots(doc).editors.set('42', { userId: '', name: 'x' });
		expect(readEditors(doc)).toEqual(new Map([[doc.clientID, ADA]]));
		expect(() => recordEditor(doc, { userId: 'u', name: ' ' })).toThrow();
	});
});
