import { expect, test, type Locator } from './fixtures.ts';
import { caretAtEnd, charterField, formattingToolbar, openCharter } from './charter-helpers.ts';
import { createKickoffBoard, openInNewBrowser } from './helpers.ts';

// Markdown typed in a charter section becomes its formats, for the writer and for everyone.

test('Markdown shortcuts make headings, lists, bold and italic, and the others see them', async ({
	browser
}) => {
	const { page: ada, editLink } = await createKickoffBoard(browser, 'Ada');
	const grace = await openInNewBrowser(browser, editLink, 'Grace');
	for (const page of [ada, grace]) await openCharter(page);

	await caretAtEnd(ada, 'Objectives');
	await ada.keyboard.type('## Goals for Q3');
	await ada.keyboard.press('Enter');
	await ada.keyboard.type('- Cut running costs by **20%** this year');
	await ada.keyboard.press('Enter');
	await ada.keyboard.type('Move every merchant');
	await ada.keyboard.press('Enter');
	await ada.keyboard.press('Enter');
	await ada.keyboard.type('1. Pilot with *three* merchants');

	for (const page of [ada, grace]) {
		const field = charterField(page, 'Objectives');
		await expect(field.locator('h2')).toHaveText('Goals for Q3');
		await expect(field.locator('ul > li')).toHaveText([
			'Cut running costs by 20% this year',
			'Move every merchant'
		]);
		await expect(field.locator('ul strong')).toHaveText('20%');
		await expect(field.locator('ol > li')).toHaveText('Pilot with three merchants');
		await expect(field.locator('ol em')).toHaveText('three');
	}
	// The toolbar knows the formats the shortcuts made.
	await ada.keyboard.press('Home');
	await ada.keyboard.press('Alt+F10');
	await expect(
		formattingToolbar(ada, 'Objectives').getByRole('button', { name: 'Numbered list' })
	).toHaveAttribute('aria-pressed', 'true');
});

/** Pastes into a charter field as a browser does, with the given clipboard flavours. */
async function paste(field: Locator, flavours: Record<string, string>): Promise<void> {
	await field.evaluate((element, data) => {
		const transfer = new DataTransfer();
		for (const [type, value] of Object.entries(data)) transfer.setData(type, value);
		element.dispatchEvent(
			new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true })
		);
	}, flavours);
}

// What Google Docs puts on the clipboard, give or take: a wrapper, styled spans, and things a
// charter does not hold (an overlay's style, an image, a table, a javascript: link).
const FROM_A_DOCUMENT = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1">
<h2 dir="ltr" style="text-align:center">Scope</h2>
<ul><li><p><span style="font-weight:700">Payments</span> and <span style="font-style:italic">refunds</span></p></li>
<li><p><span style="color:#ff0000;font-size:40pt">Merchant onboarding</span></p></li></ul>
<p><a href="https://example.com/spec" target="_blank" title="x">the spec</a> and <a href="javascript:alert(1)">the other one</a></p>
<p style="position:fixed;inset:0;background:url(https://evil.example/beacon.png)">Overlay text</p>
<img src="https://evil.example/t.png"><table><tr><td>In a table</td></tr></table></b>`;

test('pasted HTML keeps headings, lists, bold, italic and safe links, nothing else; pasted lines become paragraphs', async ({
	browser
}) => {
	const { page: ada, editLink } = await createKickoffBoard(browser, 'Ada');
	const grace = await openInNewBrowser(browser, editLink, 'Grace');
	for (const page of [ada, grace]) await openCharter(page);

	await caretAtEnd(ada, 'In scope');
	await paste(charterField(ada, 'In scope'), {
		'text/html': FROM_A_DOCUMENT,
		'text/plain': 'Scope Payments and refunds …'
	});
	for (const page of [ada, grace]) {
		const field = charterField(page, 'In scope');
		await expect(field.locator('h2')).toHaveText('Scope');
		await expect(field.locator('ul > li')).toHaveText([
			'Payments and refunds',
			'Merchant onboarding'
		]);
		await expect(field.locator('strong')).toHaveText('Payments');
		await expect(field.locator('em')).toHaveText('refunds');
		await expect(field.locator('a')).toHaveCount(1);
		await expect(field.locator('a')).toHaveAttribute('href', 'https://example.com/spec');
		await expect(field).toContainText('the spec and the other one');
		await expect(field).toContainText('Overlay text');
		await expect(field).toContainText('In a table');
		await expect(field.locator('img, table, [style]')).toHaveCount(0);
	}

	await caretAtEnd(ada, 'Assumptions');
	await paste(charterField(ada, 'Assumptions'), {
		'text/plain': 'The vendor keeps its dates\nMerchants accept the new flow\r\nRefunds stay manual'
	});
	for (const page of [ada, grace])
		await expect(charterField(page, 'Assumptions').locator('p')).toHaveText([
			'The vendor keeps its dates',
			'Merchants accept the new flow',
			'Refunds stay manual'
		]);
});
