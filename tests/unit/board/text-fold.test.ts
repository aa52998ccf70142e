import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	boardRoots,
	entryText,
	localOrigin,
	migrateBoard,
	readActions,
	readRisks,
	updateRisk
} from '../../../src/lib/board/index.ts';
import { exportBoardJson } from '../../../src/lib/board/export/board-json.ts';
import { foldLateStrings, lateStrings, type LateString } from '../../../src/lib/board/text-fold.ts';
import { fixtureDoc, schema1Fixture } from '../../helpers/schema1.ts';

const { update: KICKOFF } = schema1Fixture('schema1-kickoff');
const PEER = Symbol('peer');
const SERVER = Symbol('server');

/** A server's doc of the kickoff fixture, migrated, that folds the late strings peers bring. */
function server(clientID: number) {
	const doc = fixtureDoc(KICKOFF, clientID);
	migrateBoard(doc, SERVER);
	const found: LateString[] = [];
	doc.on('beforeObserverCalls', (transaction: Y.Transaction) => {
		if (transaction.origin === PEER) found.push(...lateStrings(doc, transaction));
	});
	return {
		doc,
		found,
		receive(update: Uint8Array) {
			Y.applyUpdate(doc, update, PEER);
			foldLateStrings(doc, found.splice(0), SERVER);
		}
	};
}

/** What an offline copy of the kickoff board (still schema 1) made while offline. */
function offlineEdit(clientID: number, edit: (doc: Y.Doc) => void): Uint8Array {
	const doc = fixtureDoc(KICKOFF, clientID);
	const before = Y.encodeStateVector(doc);
	edit(doc);
	return Y.encodeStateAsUpdate(doc, before);
}

const titleOf = (doc: Y.Doc, id: string) => readRisks(doc).items.find((r) => r.id === id)!.title;

describe('late strings from a schema-1 copy', () => {
	it.each([
		['lost the field to the Y.Text', 10, 20],
		['won the field from the Y.Text', 20, 10]
	])('are folded into the title when the string %s', (_case, serverClient, copyClient) => {
		const host = server(serverClient);
		const risk = readRisks(host.doc).items[0]!;
		const late = offlineEdit(copyClient, (doc) =>
			updateRisk(doc, risk.id, { title: 'Second test, renamed offline' })
		);
		host.receive(late);
		expect(titleOf(host.doc, risk.id)).toBe('Second test, renamed offline');
		expect(entryText(host.doc, 'risks', risk.id, 'title')).toBeInstanceOf(Y.Text);
		// The copy, once it has the server's fold, reads the same.
		const copy = fixtureDoc(KICKOFF, copyClient);
		Y.applyUpdate(copy, late);
		Y.applyUpdate(copy, Y.encodeStateAsUpdate(host.doc, Y.encodeStateVector(copy)));
		expect(exportBoardJson(copy, new Date(0))).toEqual(exportBoardJson(host.doc, new Date(0)));
	});

	it('apply the offline rename over what was typed since, as an edit of the shared title', () => {
		const host = server(10);
		const risk = readRisks(host.doc).items[0]!;
		const text = entryText(host.doc, 'risks', risk.id, 'title')!;
		host.doc.transact(() => text.insert(0, 'New: '), localOrigin);
		const late = offlineEdit(20, (doc) => updateRisk(doc, risk.id, { title: 'Second exam' }));
		host.receive(late);
		expect(titleOf(host.doc, risk.id)).toBe('Second exam');
		expect(entryText(host.doc, 'risks', risk.id, 'title')).toBeInstanceOf(Y.Text);
	});

	it('give an entry an old client added its Y.Text fields', () => {
		const host = server(10);
		// As schema-1 code wrote an entry: its title a plain string.
		const late = offlineEdit(20, (doc) => {
			const fields = { title: 'Added offline', owner: '', due: '', status: 'todo', source: '' };
			const entry = new Y.Map<unknown>(Object.entries({ ...fields, order: 'a9', createdAt: 1 }));
			doc.transact(() => boardRoots(doc).actions.set('addedOffline0001', entry));
		});
		host.receive(late);
		const added = readActions(host.doc).items.find((action) => action.title === 'Added offline')!;
		expect(entryText(host.doc, 'actions', added.id, 'title')).toBeInstanceOf(Y.Text);
	});

	it('fold the board title too', () => {
		const host = server(10);
		host.receive(
			offlineEdit(20, (doc) => boardRoots(doc).meta.set('title', 'Payments, renamed offline'))
		);
		expect(boardRoots(host.doc).meta.get('title')).toBeInstanceOf(Y.Text);
		expect(String(boardRoots(host.doc).meta.get('title'))).toBe('Payments, renamed offline');
	});

	it('are none in a keystroke or a re-score, which leave the fold with nothing to do', () => {
		const host = server(10);
		const peer = fixtureDoc(Y.encodeStateAsUpdate(host.doc), 30);
		const risk = readRisks(peer).items[0]!;
		const before = Y.encodeStateVector(peer);
		entryText(peer, 'risks', risk.id, 'title')!.insert(0, 'x');
		updateRisk(peer, risk.id, { likelihood: 5 });
		Y.applyUpdate(host.doc, Y.encodeStateAsUpdate(peer, before), PEER);
		expect(host.found).toEqual([]);
	});
});
