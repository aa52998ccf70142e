import { describe, expect, it } from 'vitest';
import {
	addAction,
	addPerson,
	createBoard,
	readActions,
	readMeta,
	readPeople,
	readRetroColumns,
	readRetroSettings,
	setTitle
} from '../../../src/lib/board/index.ts';
import {
	RetroRuleError,
	carryOverRetro,
	nextRetroTitle,
	readReview,
	setAnonymous,
	setFormat,
	setVotesPerPerson
} from '../../../src/lib/board/retro/index.ts';
import { FACILITATOR, newRetro } from './fixtures.ts';

describe('starting a new retro from this board', () => {
	it('copies the open actions (with their owners) into a review list, and leaves done ones behind', () => {
		const { doc: old } = newRetro();
		setTitle(old, 'Team Falcon retro');
		const ada = addPerson(old, { name: 'Ada', role: 'Tech lead' });
		addAction(old, { title: 'Automate the changelog', owner: ada, due: '2030-02-01' });
		addAction(old, { title: 'Book the offsite', status: 'doing' });
		addAction(old, { title: 'Already finished', status: 'done' });

		const next = createBoard('retro');
		const result = carryOverRetro(next, old, { facilitator: 'user-z', today: '2030-01-15' });

		expect(result).toEqual({ actions: 2, people: 1 });
		const actions = readActions(next).items;
		expect(actions.map((action) => [action.title, action.status, action.due])).toEqual([
			['Automate the changelog', 'todo', '2030-02-01'],
			['Book the offsite', 'doing', '']
		]);
		const [person] = readPeople(next).items;
		expect(person).toMatchObject({ name: 'Ada', role: 'Tech lead' });
		expect(actions[0]!.owner).toBe(person!.id);
		const review = readReview(next);
		expect([...review.values()].map((entry) => [entry.actionId, entry.from])).toEqual(
			actions.map((action) => [action.id, 'Team Falcon retro'])
		);
		const meta = readMeta(next);
		expect(meta.ok && meta.meta).toMatchObject({
			title: 'Team Falcon retro · 2030-01-15',
			facilitator: 'user-z'
		});
	});

	it('keeps the columns, votes per person and anonymity, and starts in write', () => {
		const { doc: old } = newRetro();
		setFormat(old, '4ls', FACILITATOR);
		setVotesPerPerson(old, 5, FACILITATOR);
		setAnonymous(old, true, FACILITATOR);
		const next = createBoard('retro');
		carryOverRetro(next, old, { facilitator: 'user-z', today: '2030-01-15' });
		expect(readRetroColumns(next).items.map((column) => column.title)).toEqual([
			'Liked',
			'Learned',
			'Lacked',
			'Longed for'
		]);
		const settings = readRetroSettings(next);
		expect(settings.ok && settings.settings).toMatchObject({ phase: 'write', votesPerPerson: 5 });
		expect(next.getMap('retro').get('anonymous')).toBe(true);
	});

	it('refuses a source or target that is not a retro', () => {
		const { doc: old } = newRetro();
		expect(() =>
			carryOverRetro(createBoard('kickoff'), old, { facilitator: 'u', today: '2030-01-01' })
		).toThrow(RetroRuleError);
	});
});

describe('nextRetroTitle', () => {
	it('replaces an older date stamp instead of piling them up', () => {
		expect(nextRetroTitle('Falcon retro · 2029-12-01', '2030-01-15')).toBe(
			'Falcon retro · 2030-01-15'
		);
		expect(nextRetroTitle('x'.repeat(200), '2030-01-15')).toHaveLength(200);
	});
});
