import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addPerson,
	addRaciTask,
	addRisk,
	createBoard,
	newId,
	parseRaciCellKey,
	parseRetroVoteKey,
	raciCellKey,
	readActions,
	readCharterSection,
	readMeta,
	readMilestones,
	readPeople,
	readRaci,
	readRaciTasks,
	readRetroCards,
	readRetroColumns,
	SCHEMA_VERSION,
	readRetroSettings,
	readRetroVotes,
	readRisks,
	retroVoteKey,
	setRaciCell
} from '../../../src/lib/board/index.ts';

/** Lets a raw Y.Doc play a peer that writes whatever it likes, then delivers its update to `doc`. */
function writeAsRemotePeer(doc: Y.Doc, write: (peer: Y.Doc) => void): void {
	const peer = new Y.Doc();
	Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
	const before = Y.encodeStateVector(peer);
	peer.transact(() => write(peer));
	Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, before), 'remote');
}

function yMap(fields: Record<string, unknown>): Y.Map<unknown> {
	return new Y.Map(Object.entries(fields));
}

const validRisk = () => ({
	title: 'Valid',
	likelihood: 2,
	impact: 4,
	owner: '',
	status: 'open',
	due: '',
	mitigation: new Y.XmlText(),
	order: 'a5',
	createdAt: 1
});

describe('list reads', () => {
	it('return valid entries sorted by (order, id) and count the ones that do not parse', () => {
		const doc = createBoard('kickoff');
		const ana = addPerson(doc, { name: 'Ana' });
		writeAsRemotePeer(doc, (peer) => {
			const people = peer.getMap('people');
			people.set(newId(), 'a plain string instead of a map');
			people.set(newId(), yMap({ role: 'no name', color: '#000000', order: 'a1' }));
			people.set(newId(), yMap({ name: 'Bad colour', role: '', color: 'blue', order: 'a1' }));
			people.set('not-an-id', yMap({ name: 'Bad key', role: '', color: '#000000', order: 'a1' }));
			people.set(newId(), yMap({ name: 'No order', role: '', color: '#000000', order: '' }));
			people.set(newId(), yMap({ name: 'Before Ana', role: '', color: '#000000', order: 'Zz' }));
		});
		const { items, skipped } = readPeople(doc);
		expect(items.map((person) => person.name)).toEqual(['Before Ana', 'Ana']);
		expect(items[1]?.id).toBe(ana);
		expect(skipped).toBe(5);
	});

	it('skip a risk with a likelihood of 9 or a mitigation that is not rich text', () => {
		const doc = createBoard('kickoff');
		addRisk(doc, { title: 'Mine' });
		writeAsRemotePeer(doc, (peer) => {
			const risks = peer.getMap('risks');
			risks.set(newId(), yMap({ ...validRisk(), likelihood: 9 }));
			risks.set(newId(), yMap({ ...validRisk(), mitigation: 'plain text' }));
			risks.set(newId(), yMap({ ...validRisk(), impact: '4' }));
			risks.set(newId(), yMap(validRisk()));
		});
		const { items, skipped } = readRisks(doc);
		expect(items.map((risk) => risk.title)).toEqual(['Mine', 'Valid']);
		expect(items[1]?.mitigation).toBeInstanceOf(Y.XmlText);
		expect(skipped).toBe(3);
	});

	it('use the map key as the id even when the entry carries its own id field', () => {
		const doc = createBoard('kickoff');
		const id = newId();
		writeAsRemotePeer(doc, (peer) => {
			peer.getMap('raciTasks').set(id, yMap({ id: 'spoofed', title: 'Plan', order: 'a0' }));
		});
		expect(readRaciTasks(doc).items).toEqual([{ id, title: 'Plan', order: 'a0' }]);
	});

	it('tolerate fields they do not know, written by a newer client', () => {
		const doc = createBoard('kickoff');
		writeAsRemotePeer(doc, (peer) => {
			peer.getMap('raciTasks').set(newId(), yMap({ title: 'Plan', order: 'a0', colour: 'red' }));
		});
		expect(readRaciTasks(doc)).toMatchObject({ items: [{ title: 'Plan' }], skipped: 0 });
	});

	it('return empty lists for a board without the collection', () => {
		const doc = new Y.Doc();
		for (const read of [readMilestones, readActions, readRetroColumns, readRetroCards]) {
			expect(read(doc)).toEqual({ items: [], skipped: 0 });
		}
	});

	it('read retro cards and skip one with a missing author', () => {
		const doc = createBoard('retro');
		const column = readRetroColumns(doc).items[0]!.id;
		const card = { column, text: 'Ship smaller', group: '', order: 'a0', createdAt: 5 };
		writeAsRemotePeer(doc, (peer) => {
			peer.getMap('retroCards').set(newId(), yMap({ ...card, author: 'user-1' }));
			peer.getMap('retroCards').set(newId(), yMap(card));
		});
		const { items, skipped } = readRetroCards(doc);
		expect(items.map((c) => c.text)).toEqual(['Ship smaller']);
		expect(skipped).toBe(1);
	});
});

describe('readRaci', () => {
	it('skips letters other than R, A, C, I and malformed keys, and counts them', () => {
		const doc = createBoard('kickoff');
		const person = addPerson(doc, { name: 'Ana' });
		const task = addRaciTask(doc, { title: 'Plan' });
		setRaciCell(doc, task, person, 'R');
		writeAsRemotePeer(doc, (peer) => {
			const raci = peer.getMap('raci');
			raci.set(raciCellKey(newId(), newId()), 'X');
			raci.set(raciCellKey(newId(), newId()), 1);
			raci.set('no-colon-here', 'A');
			raci.set(`${task}:${person}:extra`, 'A');
			raci.set(`short:${person}`, 'C');
			raci.set(raciCellKey(task, newId()), 'I');
		});
		const { cells, skipped } = readRaci(doc);
		expect(cells.size).toBe(2);
		expect(cells.get(raciCellKey(task, person))).toBe('R');
		expect(skipped).toBe(5);
	});
});

describe('readRetroVotes', () => {
	it('keeps non-negative integer counts and skips the rest', () => {
		const doc = createBoard('retro');
		const card = newId();
		writeAsRemotePeer(doc, (peer) => {
			const votes = peer.getMap('retroVotes');
			votes.set(retroVoteKey(card, 'user-1'), 2);
			votes.set(retroVoteKey(card, 'user-2'), 0);
			votes.set(retroVoteKey(card, 'user-3'), -1);
			votes.set(retroVoteKey(card, 'user-4'), 1.5);
			votes.set(retroVoteKey(card, 'user-5'), '3');
			votes.set('bad-card:user-6', 1);
			votes.set(`${card}:`, 1);
		});
		const { cells, skipped } = readRetroVotes(doc);
		expect([...cells]).toEqual([
			[retroVoteKey(card, 'user-1'), 2],
			[retroVoteKey(card, 'user-2'), 0]
		]);
		expect(skipped).toBe(5);
	});
});

describe('readMeta', () => {
	it('is not ok for an empty doc', () => {
		expect(readMeta(new Y.Doc())).toEqual({ ok: false, meta: null });
	});

	it('reads a kind a peer garbled as the kind the board’s content shows, and says it is hidden', () => {
		const kickoff = createBoard('kickoff', { title: 'Launch' });
		writeAsRemotePeer(kickoff, (peer) => peer.getMap('meta').set('kind', 'party'));
		expect(readMeta(kickoff)).toMatchObject({
			ok: true,
			meta: { kind: 'kickoff', title: 'Launch' },
			hidden: ['kind']
		});
		const retro = createBoard('retro');
		writeAsRemotePeer(retro, (peer) => peer.getMap('meta').set('kind', 7));
		expect(readMeta(retro)).toMatchObject({ ok: true, meta: { kind: 'retro' }, hidden: ['kind'] });
	});

	it('hides only the value that does not parse: a number as title, a bad time, a bad facilitator', () => {
		const doc = createBoard('retro', { title: 'Sprint 9', now: 5, facilitator: 'user-1' });
		writeAsRemotePeer(doc, (peer) => {
			const meta = peer.getMap('meta');
			meta.set('title', 42);
			meta.set('createdAt', 'yesterday');
			meta.set('facilitator', '\u0000');
		});
		const read = readMeta(doc);
		expect(read).toEqual({
			ok: true,
			meta: { schema: SCHEMA_VERSION, title: 'Untitled board', kind: 'retro', createdAt: 0 },
			hidden: ['title', 'createdAt', 'facilitator']
		});
	});

	it('still shows a board whose meta a peer emptied, from its other content', () => {
		const doc = createBoard('kickoff');
		writeAsRemotePeer(doc, (peer) => {
			const meta = peer.getMap('meta');
			for (const key of [...meta.keys()]) meta.delete(key);
		});
		expect(readMeta(doc)).toMatchObject({ ok: true, meta: { title: 'Untitled board' } });
	});
});

describe('readRetroSettings', () => {
	it('is not ok when a peer wrote a negative vote budget', () => {
		const doc = createBoard('retro');
		expect(readRetroSettings(doc).ok).toBe(true);
		writeAsRemotePeer(doc, (peer) => peer.getMap('retro').set('votesPerPerson', -3));
		expect(readRetroSettings(doc)).toEqual({ ok: false, settings: null });
	});
});

describe('readCharterSection', () => {
	it('returns the live rich text, or null when a peer replaced it with something else', () => {
		const doc = createBoard('kickoff');
		expect(readCharterSection(doc, 'objectives')).toBeInstanceOf(Y.XmlText);
		writeAsRemotePeer(doc, (peer) => peer.getMap('charter').set('objectives', 'plain'));
		expect(readCharterSection(doc, 'objectives')).toBeNull();
		expect(readCharterSection(doc, 'background')).toBeInstanceOf(Y.XmlText);
	});
});

describe('cell keys', () => {
	it('round-trip a RACI key and reject malformed ones', () => {
		const [taskId, personId] = [newId(), newId()];
		expect(parseRaciCellKey(raciCellKey(taskId, personId))).toEqual({ taskId, personId });
		expect(parseRaciCellKey(taskId)).toBeNull();
		expect(parseRaciCellKey(`${taskId}:`)).toBeNull();
	});

	it('round-trip a vote key and reject malformed ones', () => {
		const cardId = newId();
		expect(parseRetroVoteKey(retroVoteKey(cardId, 'u:1'))).toEqual({ cardId, userId: 'u:1' });
		expect(parseRetroVoteKey(cardId)).toBeNull();
	});
});
