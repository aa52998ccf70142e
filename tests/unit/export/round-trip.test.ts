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
	readPeople,
	readRisks,
	setRaciCell
} from '../../../src/lib/board/index.ts';
import { readBoardImport, writeImportedBoard } from '../../../src/lib/board/export/board-import.ts';
import { boardJsonText, exportBoardJson } from '../../../src/lib/board/export/board-json.ts';
import {
	castVote,
	moveCardToGroup,
	nameGroup,
	retroExtraRoots,
	setLocked,
	setPhase
} from '../../../src/lib/board/retro/index.ts';
import { FACILITATOR, retroWithCards } from '../retro/fixtures.ts';
import { SAMPLE_RICH_TEXT, typeSampleInEditor, withBoundEditor } from './lexical-content.ts';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';

const NOW = new Date('2026-03-01T10:00:00Z');

/** A kickoff board with every kind of entry; its rich text typed through Charter's editor. */
function kickoffBoard(): Y.Doc {
	const doc = createBoard('kickoff', {
		title: 'Round trip — “ünïcode” 🚀',
		now: 1_700_000_000_000
	});
	typeSampleInEditor(readCharterSection(doc, 'background')!);
	withBoundEditor(readCharterSection(doc, 'objectives')!, () => {
		$getRoot().append($createParagraphNode().append($createTextNode('One line, "quoted", a, b')));
	});
	const ada = addPerson(doc, { name: 'Ada', role: 'Sponsor', color: '#112233' });
	const bob = addPerson(doc, { name: '=Bob', role: '' });
	addMilestone(doc, { title: 'Pilot', due: '2026-04-01', owner: ada, status: 'at-risk' });
	addMilestone(doc, { title: 'Launch', due: '', owner: '', status: 'planned' });
	const risk = addRisk(
		doc,
		{ title: 'Vendor slips', likelihood: 4, impact: 5, owner: bob },
		{ now: 5 }
	);
	addRisk(
		doc,
		{ title: 'Scope creep', likelihood: 2, impact: 2, status: 'mitigating' },
		{ now: 6 }
	);
	const mitigation = readRisks(doc).items.find((entry) => entry.id === risk)!.mitigation;
	typeSampleInEditor(mitigation);
	const task = addRaciTask(doc, { title: 'Sign-off' });
	addRaciTask(doc, { title: 'Nobody yet' });
	setRaciCell(doc, task, ada, 'A');
	setRaciCell(doc, task, bob, 'R');
	addAction(
		doc,
		{ title: 'Book the room', owner: ada, due: '2026-03-05', status: 'doing' },
		{ now: 7 }
	);
	return doc;
}

/** A retro board with grouped, named and voted cards, actions from a card, and carried-over ones. */
function retroBoard(): Y.Doc {
	const { doc, cards } = retroWithCards(['Slow builds', 'Flaky tests', 'Great pairing'], 'group');
	moveCardToGroup(doc, cards[1]!, cards[0]!, FACILITATOR);
	nameGroup(doc, cards[0]!, 'CI pain', FACILITATOR);
	setPhase(doc, 'vote', FACILITATOR);
	castVote(doc, cards[0]!, 'user-a');
	castVote(doc, cards[0]!, 'user-b');
	castVote(doc, cards[2]!, 'user-b');
	setPhase(doc, 'discuss', FACILITATOR);
	addAction(doc, { title: 'Cache the build', source: cards[0]! }, { now: 9 });
	// As carryOverRetro lists an action carried over from the previous retro.
	const carried = addAction(doc, { title: 'Write the runbook' }, { now: 10 });
	doc.transact(() => retroExtraRoots(doc).review.set(carried, { from: 'Sprint 4 retro' }));
	setLocked(doc, true, FACILITATOR);
	return doc;
}

const RETRO_EXTRAS_OFF = { anonymous: false, locked: false, timerStartedAt: null };

/** Every shared type of a board, rich text as its full Yjs layout: equal boards, entry for entry. */
function documentContent(doc: Y.Doc): unknown {
	const content = (value: unknown): unknown => {
		if (value instanceof Y.XmlText)
			return {
				attributes: value.getAttributes(),
				delta: value.toDelta().map((op: { insert: unknown }) => content(op.insert))
			};
		if (value instanceof Y.Text) return { text: value.toString() };
		if (value instanceof Y.Map)
			return Object.fromEntries([...value.entries()].map(([key, entry]) => [key, content(entry)]));
		return value;
	};
	const roots = [...doc.share.keys()].filter((key) => doc.getMap(key).size > 0).sort();
	const board = Object.fromEntries(roots.map((key) => [key, content(doc.getMap(key))]));
	// The retro's extras read as off when absent (retroExtrasSchema): absent, false and null agree.
	const retro = board.retro as Record<string, unknown> | undefined;
	for (const [key, off] of Object.entries(RETRO_EXTRAS_OFF))
		if (retro?.[key] === off) delete retro[key];
	return board;
}

function roundTrip(doc: Y.Doc): Y.Doc {
	const read = readBoardImport(boardJsonText(doc, NOW));
	if (!read.ok) throw new Error(read.errors.join('\n'));
	const imported = new Y.Doc();
	writeImportedBoard(imported, read.board);
	return imported;
}

describe('export → import round trip', () => {
	it('gives an equal kickoff board: meta, rich text, people, milestones, risks, RACI, actions', () => {
		const original = kickoffBoard();
		const imported = roundTrip(original);
		const before = exportBoardJson(original, NOW);
		expect(exportBoardJson(imported, NOW)).toEqual(before);
		expect(before.charter.background).toEqual(SAMPLE_RICH_TEXT);
		expect(before.risks[0]!.mitigation).toEqual(SAMPLE_RICH_TEXT);
		expect(before.people.map((person) => person.name)).toEqual(['Ada', '=Bob']);
		expect(before.raci).toHaveLength(2);
		expect(readPeople(imported).skipped).toBe(0);
		expect(documentContent(imported)).toEqual(documentContent(original));
	});

	it('gives an equal retro board: columns, grouped cards, group names, votes, actions and review', () => {
		const original = retroBoard();
		const before = exportBoardJson(original, NOW);
		expect(before.retro!.cards).toHaveLength(3);
		expect(before.retro!.groupNames).toEqual([{ card: expect.any(String), name: 'CI pain' }]);
		expect(before.retro!.votes).toHaveLength(3);
		expect(before.retro!.carriedOver).toHaveLength(1);
		expect(before.retro!.settings.locked).toBe(true);
		const imported = roundTrip(original);
		expect(exportBoardJson(imported, NOW)).toEqual(before);
		expect(retroExtraRoots(imported).review.size).toBe(1);
		expect(documentContent(imported)).toEqual(documentContent(original));
	});

	it('writes the imported board in one transaction', () => {
		const read = readBoardImport(boardJsonText(kickoffBoard(), NOW));
		if (!read.ok) throw new Error(read.errors.join('\n'));
		const imported = new Y.Doc();
		let transactions = 0;
		imported.on('afterTransaction', () => transactions++);
		writeImportedBoard(imported, read.board);
		expect(transactions).toBe(1);
	});
});
