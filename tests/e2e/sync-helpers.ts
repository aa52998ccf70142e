import type { Locator, Page } from '@playwright/test';

/** The connection status line in the board header. */
export function syncStatus(page: Page): Locator {
	return page.getByRole('status').filter({ hasText: /^(Synced|Saving…|Connecting…|Offline)/ });
}

/** The board title field. */
export function boardTitle(page: Page): Locator {
	return page.getByRole('textbox', { name: 'Board title' });
}

/** The avatars of who is on the board (this user's own included, named "… (you)"). */
export function peopleOnBoard(page: Page): Locator {
	return page.getByRole('list', { name: 'People on this board' });
}

/**
 * Starts recording every status the header shows, with the time it appeared; the returned
 * function reads what was recorded so far.
 */
export async function recordStatuses(
	page: Page
): Promise<() => Promise<{ status: string; at: number }[]>> {
	await page.evaluate(() => {
		const element = document.querySelector('[data-status]')!;
		const seen: { status: string; at: number }[] = [
			{ status: element.getAttribute('data-status') ?? '', at: Date.now() }
		];
		(window as unknown as { charterStatuses: typeof seen }).charterStatuses = seen;
		new MutationObserver(() =>
			seen.push({ status: element.getAttribute('data-status') ?? '', at: Date.now() })
		).observe(element, { attributes: true, attributeFilter: ['data-status'] });
	});
	return () =>
		page.evaluate(
			() =>
				(window as unknown as { charterStatuses: { status: string; at: number }[] }).charterStatuses
		);
}
