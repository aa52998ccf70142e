import { describe, expect, it } from 'vitest';
import { raciKeyAction, type RaciKeyContext } from '../../../src/lib/board/views/raci-keys.ts';

const onCell: RaciKeyContext = {
	at: { row: 1, column: 2 },
	size: { rows: 3, columns: 4 },
	canEdit: true,
	value: undefined
};
const onTask: RaciKeyContext = { ...onCell, at: { row: 1, column: 0 } };
const viewer: RaciKeyContext = { ...onCell, canEdit: false, value: 'R' };

describe('raciKeyAction', () => {
	it('sets a cell to the letter typed, in either case', () => {
		expect(raciKeyAction({ key: 'a' }, onCell)).toEqual({ kind: 'set', value: 'A' });
		expect(raciKeyAction({ key: 'I' }, onCell)).toEqual({ kind: 'set', value: 'I' });
	});

	it('clears a cell with Backspace or Delete', () => {
		expect(raciKeyAction({ key: 'Backspace' }, onCell)).toEqual({ kind: 'set', value: null });
		expect(raciKeyAction({ key: 'Delete' }, onCell)).toEqual({ kind: 'set', value: null });
	});

	it('cycles a cell with Enter or Space, as a click does', () => {
		expect(raciKeyAction({ key: 'Enter' }, { ...onCell, value: 'A' })).toEqual({
			kind: 'set',
			value: 'C'
		});
		expect(raciKeyAction({ key: ' ' }, { ...onCell, value: 'I' })).toEqual({
			kind: 'set',
			value: null
		});
	});

	it('moves focus with arrows, for editors and viewers alike', () => {
		expect(raciKeyAction({ key: 'ArrowLeft' }, onCell)).toEqual({
			kind: 'focus',
			to: { row: 1, column: 1 }
		});
		expect(raciKeyAction({ key: 'End' }, viewer)).toEqual({
			kind: 'focus',
			to: { row: 1, column: 3 }
		});
	});

	it('renames a task with Enter or F2 on its header, and sets no letter there', () => {
		expect(raciKeyAction({ key: 'Enter' }, onTask)).toEqual({ kind: 'rename' });
		expect(raciKeyAction({ key: 'F2' }, onTask)).toEqual({ kind: 'rename' });
		expect(raciKeyAction({ key: 'r' }, onTask)).toBeNull();
		expect(raciKeyAction({ key: 'Backspace' }, onTask)).toBeNull();
	});

	it('moves the task with Alt and an up or down arrow, from any cell of its row', () => {
		expect(raciKeyAction({ key: 'ArrowUp', altKey: true }, onCell)).toEqual({
			kind: 'moveTask',
			delta: -1
		});
		expect(raciKeyAction({ key: 'ArrowDown', altKey: true }, onTask)).toEqual({
			kind: 'moveTask',
			delta: 1
		});
		expect(raciKeyAction({ key: 'ArrowLeft', altKey: true }, onCell)).toBeNull();
	});

	it('ignores every edit key for a viewer', () => {
		for (const key of ['r', 'A', 'Backspace', 'Delete', 'Enter', ' ', 'F2']) {
			expect(raciKeyAction({ key }, viewer)).toBeNull();
			expect(raciKeyAction({ key }, { ...viewer, at: { row: 0, column: 0 } })).toBeNull();
		}
		expect(raciKeyAction({ key: 'ArrowUp', altKey: true }, viewer)).toBeNull();
	});

	it('leaves shortcuts with Ctrl or Cmd, and Tab, to the page', () => {
		expect(raciKeyAction({ key: 'z', ctrlKey: true }, onCell)).toBeNull();
		expect(raciKeyAction({ key: 'c', metaKey: true }, onCell)).toBeNull();
		expect(raciKeyAction({ key: 'Tab' }, onCell)).toBeNull();
	});
});
