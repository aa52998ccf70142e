// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import { createBoard, readCharterSection } from '../../../src/lib/board/index.ts';

type StateModule = typeof import('../../../src/lib/components/rich-text/rich-text-state.svelte.ts');

// Each test gets the state module afresh, so the editor module is not loaded yet when it starts.
let RichTextFieldState: StateModule['RichTextFieldState'];
const teardowns: Array<() => void> = [];
// Loading Lexical the first time takes a while on a busy machine.
const LOADED = { timeout: 10_000 };

beforeEach(async () => {
	vi.resetModules();
	({ RichTextFieldState } =
		await import('../../../src/lib/components/rich-text/rich-text-state.svelte.ts'));
});

afterEach(() => {
	for (const teardown of teardowns.splice(0)) teardown();
	document.body.replaceChildren();
});

/** Mounts a state on the charter's background section, in a fresh element. */
function mountBackground(field: InstanceType<StateModule['RichTextFieldState']>) {
	const doc = createBoard('kickoff');
	const awareness = new Awareness(doc);
	const root = document.createElement('div');
	document.body.append(root);
	const unmount = field.mount({
		root,
		cursors: null,
		xmlText: readCharterSection(doc, 'background')!,
		fieldId: 'charter:background',
		provider: { awareness },
		focus: { section: 'charter', id: 'background' },
		editable: true
	});
	teardowns.push(() => awareness.destroy());
	return { root, unmount };
}

describe('RichTextFieldState', () => {
	it('mounts the editor once its module has loaded, and says it is loading until then', async () => {
		const field = new RichTextFieldState();
		const { root, unmount } = mountBackground(field);
		teardowns.push(unmount);
		expect(field.status).toBe('loading');
		expect(root.contentEditable).not.toBe('true');

		await vi.waitFor(() => expect(field.status).toBe('mounted'), LOADED);
		expect(root.contentEditable).toBe('true');
		expect(field.empty).toBe(true);
	});

	it('never mounts a field torn down before the editor module arrived', async () => {
		const field = new RichTextFieldState();
		const { root, unmount } = mountBackground(field);
		unmount();
		// A second field waits for the same module: once it is mounted, the first had its turn.
		const other = new RichTextFieldState();
		teardowns.push(mountBackground(other).unmount);
		await vi.waitFor(() => expect(other.status).toBe('mounted'), LOADED);

		expect(field.status).toBe('loading');
		expect(root.contentEditable).not.toBe('true');
	});

	it('mounts at once when the editor module is already loaded', async () => {
		const first = new RichTextFieldState();
		teardowns.push(mountBackground(first).unmount);
		await vi.waitFor(() => expect(first.status).toBe('mounted'), LOADED);

		const field = new RichTextFieldState();
		const { root, unmount } = mountBackground(field);
		teardowns.push(unmount);
		expect(field.status).toBe('mounted');
		expect(root.contentEditable).toBe('true');
	});

	it('does nothing for a toolbar action before the mount', () => {
		const field = new RichTextFieldState();
		teardowns.push(mountBackground(field).unmount);
		field.setBlock('h2');
		field.toggle('bold');
		field.unlink();
		expect(field.link('https://example.com')).toEqual({
			ok: false,
			message: 'The field is not ready yet.'
		});
	});
});
