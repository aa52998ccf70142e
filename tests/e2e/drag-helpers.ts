import type { Locator, Page } from '@playwright/test';

/** Drags the grip `handle` onto the top part of `target`, in small steps as a hand would. */
export async function dragOnto(page: Page, handle: Locator, target: Locator): Promise<void> {
	const from = (await handle.boundingBox())!;
	const to = (await target.boundingBox())!;
	await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
	await page.mouse.down();
	await page.mouse.move(to.x + 20, to.y + 10, { steps: 8 });
	await page.mouse.move(to.x + 20, to.y + 4, { steps: 2 });
	await page.mouse.up();
}

/**
 * Drags the grip `handle` with a finger onto the top part of `target`: real touch events through
 * Chromium's input layer (touch emulation on), which the page sees as pointer events of type touch.
 * The page is measured once touch is on: a coarse pointer gets larger targets (the row menu's
 * 44px button), so rows can be taller than they were for the mouse.
 */
export async function touchDragOnto(page: Page, handle: Locator, target: Locator): Promise<void> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
	const from = (await handle.boundingBox())!;
	const to = (await target.boundingBox())!;
	const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
		cdp.send('Input.dispatchTouchEvent', {
			type,
			touchPoints: type === 'touchEnd' ? [] : [{ x, y }]
		});
	const x = from.x + from.width / 2;
	const y = from.y + from.height / 2;
	await touch('touchStart', x, y);
	const steps = 8;
	for (let step = 1; step <= steps; step++) {
		await touch(
			'touchMove',
			x + ((to.x + 20 - x) * step) / steps,
			y + ((to.y + 4 - y) * step) / steps
		);
	}
	await touch('touchEnd', to.x + 20, to.y + 4);
	await cdp.detach();
}
