import { describe, expect, it } from 'vitest';
import {
	awayWriterNotice,
	writersAway,
	writingReport,
	type RetroWriter
} from '../../../src/lib/board/retro/index.ts';

const writer = (userId: string, name: string, drafts: number, done = false): RetroWriter => ({
	userId,
	name,
	drafts,
	done
});

describe('writersAway', () => {
	const writers = [
		writer('omar', 'Omar', 1),
		writer('ada', 'Ada', 2),
		writer('grace', 'Grace', 0),
		writer('me', 'Me', 3)
	];

	it('lists the writers holding cards with no tab here, never this user', () => {
		expect(writersAway(writers, new Set(['ada']), 'me').map((w) => w.userId)).toEqual(['omar']);
	});

	it('lists nobody once everyone holding cards is here or has published them', () => {
		expect(writersAway(writers, new Set(['ada', 'omar']), 'me')).toEqual([]);
		expect(writersAway([writer('omar', 'Omar', 0)], new Set(), 'me')).toEqual([]);
	});
});

describe('awayWriterNotice', () => {
	it('names the writer, the cards and when they will appear', () => {
		expect(awayWriterNotice({ name: 'Omar', drafts: 1 })).toBe(
			'Omar has 1 card and is offline — it will appear when Omar is back.'
		);
		expect(awayWriterNotice({ name: 'Ada', drafts: 3 })).toBe(
			'Ada has 3 cards and is offline — they will appear when Ada is back.'
		);
	});
});

describe('writingReport', () => {
	it('reports drafts and the done flag while writing', () => {
		expect(writingReport('write', 2, undefined)).toEqual({ drafts: 2, done: false });
		expect(writingReport('write', 2, { drafts: 1, done: true })).toEqual({ drafts: 2, done: true });
	});

	it('after the reveal, reports what is left to publish, only for someone who wrote', () => {
		expect(writingReport('reveal', 0, { drafts: 1, done: true })).toEqual({
			drafts: 0,
			done: true
		});
		expect(writingReport('vote', 0, { drafts: 0, done: false })).toBeNull();
		expect(writingReport('reveal', 0, undefined)).toBeNull();
	});
});
