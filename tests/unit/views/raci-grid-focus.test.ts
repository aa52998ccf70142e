import { describe, expect, it } from 'vitest';
import { GridFocus, TASK_COLUMN } from '../../../src/lib/components/raci/grid-focus.svelte.ts';

const columns = [TASK_COLUMN, 'ana', 'ben'];

describe('GridFocus', () => {
	it('puts the tab stop on the first task header before anything was focused', () => {
		expect(new GridFocus().resolve(['plan', 'build'], columns)).toEqual({
			taskId: 'plan',
			column: TASK_COLUMN
		});
	});

	it('has no tab stop in a grid without rows or columns', () => {
		expect(new GridFocus().resolve([], columns)).toBeNull();
		expect(new GridFocus().resolve(['plan'], [])).toBeNull();
	});

	it('follows its cell when a peer adds or moves rows', () => {
		const focus = new GridFocus();
		focus.set({ taskId: 'build', column: 'ben' });
		expect(focus.resolve(['plan', 'build'], columns)).toEqual({ taskId: 'build', column: 'ben' });
		expect(focus.resolve(['new', 'build', 'plan'], columns)).toEqual({
			taskId: 'build',
			column: 'ben'
		});
	});

	it('falls back to the same place when its row or column is removed', () => {
		const focus = new GridFocus();
		focus.set({ taskId: 'build', column: 'ben' });
		focus.resolve(['plan', 'build', 'ship'], columns);
		expect(focus.resolve(['plan', 'ship'], columns)).toEqual({ taskId: 'ship', column: 'ben' });
		expect(focus.resolve(['plan', 'ship'], [TASK_COLUMN, 'ana'])).toEqual({
			taskId: 'ship',
			column: 'ana'
		});
	});
});
