import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addMilestone, createBoard, type Baseline } from '../../../src/lib/board/index.ts';
import { BaselineBoard } from '../../../src/lib/versions/baseline-board.svelte.ts';
import { peerOf } from '../../helpers/board.ts';

const V1 = 'V1StGXR8_Z5jdHi6B-myT';
const V2 = 'V2StGXR8_Z5jdHi6B-myT';

/** Saved versions as the server would hand them out, each fetch counted; unknown ids fail. */
function savedVersions(versions: Record<string, Y.Doc>) {
	const fetches: string[] = [];
	return {
		fetches,
		load: async (versionId: string) => {
			fetches.push(versionId);
			const saved = versions[versionId];
			if (!saved) throw new Error(`No version ${versionId}`);
			return peerOf(saved);
		}
	};
}

/** Waits until the loads started so far have settled. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

function boardWith(title: string, due: string): Y.Doc {
	const doc = createBoard('kickoff');
	addMilestone(doc, { title, due });
	return doc;
}

describe('BaselineBoard', () => {
	it('is null without a baseline, and fetches nothing', async () => {
		const versions = savedVersions({});
		const board = new BaselineBoard({ baseline: () => null, load: versions.load });
		expect(board.current).toBeNull();
		expect(board.status).toBe('none');
		await settled();
		expect(versions.fetches).toEqual([]);
	});

	it('is null while loading, then the version’s milestones; fetched once however often read', async () => {
		const versions = savedVersions({ [V1]: boardWith('Beta', '2026-03-13') });
		const board = new BaselineBoard({
			baseline: () => ({ versionId: V1, label: 'Kickoff' }),
			load: versions.load
		});
		expect(board.current).toBeNull();
		expect(board.status).toBe('loading');
		expect(board.current).toBeNull();
		await settled();
		expect(board.status).toBe('ready');
		expect(board.current?.label).toBe('Kickoff');
		expect(board.current?.snapshot.milestones.map(({ title, due }) => [title, due])).toEqual([
			['Beta', '2026-03-13']
		]);
		expect(versions.fetches).toEqual([V1]);
	});

	it('follows a change of baseline, and drops a load the board no longer wants', async () => {
		const versions = savedVersions({
			[V1]: boardWith('Beta', '2026-03-13'),
			[V2]: boardWith('Launch', '2026-04-01')
		});
		let baseline: Baseline | null = { versionId: V1, label: 'Kickoff' };
		const board = new BaselineBoard({ baseline: () => baseline, load: versions.load });
		expect(board.current).toBeNull();
		baseline = { versionId: V2, label: 'Re-plan' };
		expect(board.current).toBeNull();
		await settled();
		expect(board.current?.versionId).toBe(V2);
		expect(board.current?.snapshot.milestones[0]?.title).toBe('Launch');
		baseline = null;
		expect(board.current).toBeNull();
		expect(board.status).toBe('none');
	});

	it('shows the baseline’s new label without fetching it again', async () => {
		const versions = savedVersions({ [V1]: boardWith('Beta', '2026-03-13') });
		let baseline: Baseline = { versionId: V1, label: 'Kickoff' };
		const board = new BaselineBoard({ baseline: () => baseline, load: versions.load });
		void board.current;
		await settled();
		baseline = { versionId: V1, label: 'Kickoff (signed off)' };
		expect(board.current?.label).toBe('Kickoff (signed off)');
		expect(versions.fetches).toEqual([V1]);
	});

	it('is null, never an error, when the version cannot be had, and tries again when the connection changes', async () => {
		const saved: Record<string, Y.Doc> = {};
		const versions = savedVersions(saved);
		let online = false;
		const board = new BaselineBoard({
			baseline: () => ({ versionId: V1, label: 'Kickoff' }),
			load: versions.load,
			retryKey: () => online
		});
		expect(board.current).toBeNull();
		await settled();
		expect(board.status).toBe('failed');
		expect(board.current).toBeNull();
		await settled();
		// Not fetched again while nothing changed: a page re-reading it does not loop.
		expect(versions.fetches).toEqual([V1]);

		saved[V1] = boardWith('Beta', '2026-03-13');
		online = true;
		expect(board.current).toBeNull();
		await settled();
		expect(board.status).toBe('ready');
		expect(versions.fetches).toEqual([V1, V1]);
	});
});
