import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	ROOT_KEYS,
	addAction,
	addMilestone,
	addPerson,
	addRaciTask,
	addRisk,
	boardRoots,
	createBoard,
	localOrigin,
	moveRisk,
	raciCellKey,
	readPeople,
	readRaci,
	readRisks,
	removePerson,
	setRaciCell,
	setTitle,
	updateRisk
} from '../../../src/lib/board/index.ts';
import { peerOf, recordWrites } from '../../helpers/board.ts';

/** An undo manager over the board's structured data that tracks only local commands, as the client's does. */
function localUndo(doc: Y.Doc): Y.UndoManager {
	const roots = boardRoots(doc);
	const scope = Object.values(ROOT_KEYS).map((key) => roots[key]);
	return new Y.UndoManager(scope, { trackedOrigins: new Set([localOrigin]) });
}

describe('localOrigin', () => {
	it('is the origin of every transaction a command makes', () => {
		const doc = createBoard('kickoff');
		const recorder = recordWrites(doc);
		const person = addPerson(doc, { name: 'Ana' });
		const task = addRaciTask(doc, { title: 'Plan' });
		setRaciCell(doc, task, person, 'R');
		const risk = addRisk(doc, { title: 'R1' });
		addRisk(doc, { title: 'R2' });
		updateRisk(doc, risk, { impact: 5 });
		moveRisk(doc, risk, 1);
		addMilestone(doc, { title: 'Beta' });
		addAction(doc, { title: 'Call' });
		setTitle(doc, 'Renamed');
		removePerson(doc, person);
		expect(recorder.transactions).toBe(11);
		expect(recorder.origins.every((origin) => origin === localOrigin)).toBe(true);
	});
});

describe('undo of local commands', () => {
	it('undoes an add, an update and a move one step at a time', () => {
		const doc = createBoard('kickoff');
		const undo = localUndo(doc);
		const first = addRisk(doc, { title: 'first' });
		undo.stopCapturing();
		addRisk(doc, { title: 'second' });
		undo.stopCapturing();
		updateRisk(doc, first, { likelihood: 5 });
		undo.stopCapturing();
		moveRisk(doc, first, 1);

		undo.undo();
		expect(readRisks(doc).items.map((risk) => risk.title)).toEqual(['first', 'second']);
		undo.undo();
		expect(readRisks(doc).items[0]?.likelihood).toBe(3);
		undo.undo();
		expect(readRisks(doc).items.map((risk) => risk.title)).toEqual(['first']);
	});

	it('brings back a removed person together with their RACI cells', () => {
		const doc = createBoard('kickoff');
		const person = addPerson(doc, { name: 'Ana' });
		const task = addRaciTask(doc, { title: 'Plan' });
		setRaciCell(doc, task, person, 'A');
		const undo = localUndo(doc);
		removePerson(doc, person);
		expect(readPeople(doc).items).toEqual([]);
		undo.undo();
		expect(readPeople(doc).items.map((p) => p.id)).toEqual([person]);
		expect(readRaci(doc).cells.get(raciCellKey(task, person))).toBe('A');
	});

	it('leaves remote changes alone', () => {
		const doc = createBoard('kickoff');
		const peer = peerOf(doc);
		const undo = localUndo(doc);
		addRisk(peer, { title: 'from a peer' });
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)), 'provider');
		expect(undo.canUndo()).toBe(false);
		addRisk(doc, { title: 'mine' });
		undo.undo();
		expect(readRisks(doc).items.map((risk) => risk.title)).toEqual(['from a peer']);
	});
});
