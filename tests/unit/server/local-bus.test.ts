import { describe, expect, it } from 'vitest';
import type { BusListener } from '../../../server/bus/bus.ts';
import { LocalBus } from '../../../server/bus/local.ts';

interface Heard {
	updates: number[][];
	awareness: Array<{ node: string; update: number[] }>;
}

/** A listener that records what it heard. */
function recorder(): { heard: Heard; listener: BusListener } {
	const heard: Heard = { updates: [], awareness: [] };
	const listener: BusListener = {
		update: (update) => heard.updates.push([...update]),
		awareness: (node, update) => heard.awareness.push({ node, update: [...update] }),
		resync: () => {}
	};
	return { heard, listener };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('LocalBus', () => {
	it('delivers to the other channels of the board, never back to the publisher or to other boards', async () => {
		const bus = new LocalBus();
		const [a, b, other] = [recorder(), recorder(), recorder()];
		const channelA = await bus.join('board-1', a.listener);
		await bus.join('board-1', b.listener);
		await bus.join('board-2', other.listener);
		channelA.publish('update', Uint8Array.of(1, 2));
		channelA.publish('awareness', Uint8Array.of(3));
		await settle();
		expect(b.heard.updates).toEqual([[1, 2]]);
		expect(b.heard.awareness).toHaveLength(1);
		expect(b.heard.awareness[0]!.update).toEqual([3]);
		expect(a.heard).toEqual({ updates: [], awareness: [] });
		expect(other.heard).toEqual({ updates: [], awareness: [] });
	});

	it('delivers after the publisher’s turn, as another node would', async () => {
		const bus = new LocalBus();
		const b = recorder();
		const channelA = await bus.join('board-1', recorder().listener);
		await bus.join('board-1', b.listener);
		channelA.publish('update', Uint8Array.of(7));
		expect(b.heard.updates).toEqual([]);
		await settle();
		expect(b.heard.updates).toEqual([[7]]);
	});

	it('never makes the payload of a channel alone on its board, as on a single node', async () => {
		const bus = new LocalBus();
		const alone = await bus.join('board-1', recorder().listener);
		let made = 0;
		alone.publish('update', () => {
			made++;
			return Uint8Array.of(1);
		});
		const other = recorder();
		await bus.join('board-1', other.listener);
		alone.publish('update', () => {
			made++;
			return Uint8Array.of(2);
		});
		await settle();
		expect(made).toBe(1);
		expect(other.heard.updates).toEqual([[2]]);
	});

	it('stops delivering to and from a channel that left', async () => {
		const bus = new LocalBus();
		const [a, b] = [recorder(), recorder()];
		const channelA = await bus.join('board-1', a.listener);
		const channelB = await bus.join('board-1', b.listener);
		channelB.leave();
		channelA.publish('update', Uint8Array.of(1));
		channelB.publish('update', Uint8Array.of(2));
		await settle();
		expect(a.heard.updates).toEqual([]);
		expect(b.heard.updates).toEqual([]);
	});
});
