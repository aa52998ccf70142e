import { describe, expect, it } from 'vitest';
import {
	entryText,
	InvalidInputError,
	addPerson,
	boardRoots,
	createBoard,
	readPeople,
	updateStakeholder
} from '../../../src/lib/board/index.ts';
import {
	describePlace,
	placeOf,
	quadrantOf,
	stakeholderGrid,
	stepPlace
} from '../../../src/lib/board/views/stakeholder-map.ts';
import { expectRejectedWithoutWrite, peerOf, syncAll } from '../../helpers/board.ts';

const personOf = (doc: ReturnType<typeof createBoard>, id: string) =>
	readPeople(doc).items.find((person) => person.id === id)!;

describe('updateStakeholder', () => {
	it('sets each field on the person, the channel as its shared text; null takes a value away and empties the channel', () => {
		const doc = createBoard('kickoff');
		const maya = addPerson(doc, { name: 'Maya' });
		updateStakeholder(doc, maya, {
			influence: 4,
			interest: 5,
			attitude: 'champion',
			commsChannel: ' Weekly e-mail update ',
			commsFrequency: 'weekly'
		});
		const entry = boardRoots(doc).people.get(maya) as import('yjs').Map<unknown>;
		const channel = entryText(doc, 'people', maya, 'commsChannel');
		expect(entry.get('influence')).toBe(4);
		expect(channel?.toString()).toBe('Weekly e-mail update');
		expect(personOf(doc, maya)).toMatchObject({
			influence: 4,
			interest: 5,
			attitude: 'champion',
			commsChannel: 'Weekly e-mail update',
			commsFrequency: 'weekly'
		});
		updateStakeholder(doc, maya, { influence: null, interest: null, commsChannel: '' });
		expect(entry.has('influence')).toBe(false);
		// The same text, emptied: it is made with the person and never replaced (text.ts).
		expect(entryText(doc, 'people', maya, 'commsChannel')).toBe(channel);
		expect(channel?.toString()).toBe('');
		expect(personOf(doc, maya).commsChannel).toBeUndefined();
		expect(placeOf(personOf(doc, maya))).toBeNull();
	});

	it('refuses values out of range or unknown, writing nothing', () => {
		const doc = createBoard('kickoff');
		const maya = addPerson(doc, { name: 'Maya' });
		for (const patch of [
			{ influence: 6 },
			{ interest: 0 },
			{ influence: 2.5 },
			{ attitude: 'friendly' },
			{ commsFrequency: 'hourly' },
			{ commsChannel: 'x'.repeat(201) },
			{ colour: 'red' }
		])
			expectRejectedWithoutWrite(
				doc,
				() => updateStakeholder(doc, maya, patch as never),
				InvalidInputError
			);
	});

	it('writes nothing when nothing changes', () => {
		const doc = createBoard('kickoff');
		const maya = addPerson(doc, { name: 'Maya' });
		updateStakeholder(doc, maya, { attitude: 'neutral' });
		let updates = 0;
		doc.on('update', () => updates++);
		updateStakeholder(doc, maya, { attitude: 'neutral', influence: null });
		expect(updates).toBe(0);
	});

	it('a person written before the map reads with no stakeholder data; a bad value hides only itself', () => {
		const doc = createBoard('kickoff');
		const maya = addPerson(doc, { name: 'Maya' });
		expect(placeOf(personOf(doc, maya))).toBeNull();
		const entry = boardRoots(doc).people.get(maya) as import('yjs').Map<unknown>;
		entry.set('influence', 9);
		entry.set('interest', 2);
		entry.set('attitude', 'champion');
		const read = personOf(doc, maya);
		expect(read.name).toBe('Maya');
		expect(read.influence).toBeUndefined();
		expect(read.attitude).toBe('champion');
		expect(placeOf(read)).toBeNull();
	});

	it('two people changing different fields of one person at once both keep theirs', () => {
		const doc = createBoard('kickoff');
		const maya = addPerson(doc, { name: 'Maya' });
		const peer = peerOf(doc);
		updateStakeholder(doc, maya, { influence: 4, interest: 5 });
		updateStakeholder(peer, maya, { commsChannel: 'Slack' });
		syncAll(doc, peer);
		expect(personOf(peer, maya)).toMatchObject({
			influence: 4,
			interest: 5,
			commsChannel: 'Slack'
		});
	});

	it('two people rewording one channel at once both keep what they typed', () => {
		const doc = createBoard('kickoff');
		const maya = addPerson(doc, { name: 'Maya' });
		updateStakeholder(doc, maya, { commsChannel: 'Weekly e-mail' });
		const peer = peerOf(doc);
		updateStakeholder(doc, maya, { commsChannel: 'Weekly e-mail and Slack' });
		updateStakeholder(peer, maya, { commsChannel: 'Short weekly e-mail' });
		syncAll(doc, peer);
		for (const copy of [doc, peer])
			expect(personOf(copy, maya).commsChannel).toBe('Short weekly e-mail and Slack');
	});
});

describe('the power/interest grid', () => {
	it('names the four quadrants, 3 counting as high', () => {
		expect(quadrantOf({ influence: 5, interest: 5 })).toBe('manage-closely');
		expect(quadrantOf({ influence: 3, interest: 3 })).toBe('manage-closely');
		expect(quadrantOf({ influence: 4, interest: 2 })).toBe('keep-satisfied');
		expect(quadrantOf({ influence: 2, interest: 4 })).toBe('keep-informed');
		expect(quadrantOf({ influence: 2, interest: 2 })).toBe('monitor');
		expect(quadrantOf({ influence: 1, interest: 1 })).toBe('monitor');
	});

	it('moves one step per arrow key and stays on the grid', () => {
		expect(stepPlace({ influence: 3, interest: 3 }, 'ArrowUp')).toEqual({
			influence: 4,
			interest: 3
		});
		expect(stepPlace({ influence: 3, interest: 3 }, 'ArrowRight')).toEqual({
			influence: 3,
			interest: 4
		});
		expect(stepPlace({ influence: 1, interest: 1 }, 'ArrowDown')).toEqual({
			influence: 1,
			interest: 1
		});
		expect(stepPlace({ influence: 5, interest: 5 }, 'ArrowRight')).toEqual({
			influence: 5,
			interest: 5
		});
		expect(stepPlace({ influence: 3, interest: 3 }, 'Enter')).toBeNull();
	});

	it('says where a person is, as the live region announces it', () => {
		expect(describePlace('Maya', { influence: 4, interest: 5 })).toBe(
			'Maya: influence 4, interest 5 — Manage closely'
		);
		expect(describePlace('Maya', null)).toBe('Maya: not on the grid');
	});

	it('lays people out by influence (rows, 5 first) and interest (columns), unplaced apart', () => {
		const grid = stakeholderGrid([
			{ id: 'a', influence: 5, interest: 1 },
			{ id: 'b', influence: 1, interest: 5 },
			{ id: 'c', influence: undefined, interest: 3 }
		]);
		expect(grid.rows).toHaveLength(5);
		expect(grid.rows[0]![0]!.people.map((person) => person.id)).toEqual(['a']);
		expect(grid.rows[4]![4]!.people.map((person) => person.id)).toEqual(['b']);
		expect(grid.rows[0]![0]!.quadrant).toBe('keep-satisfied');
		expect(grid.unplaced.map((person) => person.id)).toEqual(['c']);
	});
});
