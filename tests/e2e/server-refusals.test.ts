import { expect, test } from './fixtures.ts';
import { encodeSync, SyncStep } from '../../server/sync/protocol.ts';
import { subdocumentFlood } from '../helpers/hostile-updates.ts';
import { keysOf } from './export-helpers.ts';
import { createKickoffBoardIn, newPerson, openSection } from './helpers.ts';
import { addRiskByForm } from './risks-helpers.ts';

test.describe('what the server refuses, as the board shows it', () => {
	test('a change the server refuses closes only that connection; the board says why and keeps the change', async ({
		browser
	}) => {
		const page = await newPerson(browser);
		// The browser's next change is replaced on its way by one holding sub-documents, as a
		// tampered client would send: the real server refuses it (4415) and closes the socket.
		let tamper = false;
		await page.routeWebSocket(/\/sync\//, (ws) => {
			const server = ws.connectToServer();
			ws.onMessage((message) => {
				const bytes = typeof message === 'string' ? null : new Uint8Array(message);
				const isUpdate = bytes?.[0] === 0 && bytes[1] === SyncStep.update;
				if (tamper && isUpdate) {
					tamper = false;
					server.send(Buffer.from(encodeSync(SyncStep.update, subdocumentFlood(10))));
				} else server.send(message);
			});
		});
		await createKickoffBoardIn(page);
		await expect(page.getByText('Synced')).toBeVisible();
		await openSection(page, 'Risks');
		tamper = true;
		await addRiskByForm(page, 'Vendor slips the date');
		const notice = page.getByRole('alert').filter({ hasText: 'The server refused a change' });
		await expect(notice).toContainText('Your changes are kept on this device.');
		await expect(notice).toHaveAttribute('data-close-code', '4415');
		await expect(page.getByText('Offline · saved on this device')).toBeVisible();
		await expect(page.getByRole('textbox', { name: 'Risk title' })).toHaveValue(
			'Vendor slips the date'
		);
		await page.screenshot({ path: test.info().outputPath('refused-light.png') });
		await page.emulateMedia({ colorScheme: 'dark' });
		await page.screenshot({ path: test.info().outputPath('refused-dark.png') });
		// Connecting again sends the change as it is: the board syncs and the notice goes.
		await notice.getByRole('button', { name: 'Connect again' }).click();
		await expect(page.getByText('Synced')).toBeVisible();
		await expect(notice).toHaveCount(0);
	});

	test('saving a version past the hourly quota shows the server’s reason', async ({
		browser,
		baseURL
	}) => {
		const page = await newPerson(browser);
		const { editLink } = await createKickoffBoardIn(page);
		await expect(page.getByText('Synced')).toBeVisible();
		const { boardId, editKey } = keysOf(editLink);
		// 60 saves an hour is the default quota: spend it as a script would.
		for (let saved = 0; saved < 60;) {
			const response = await fetch(`${baseURL}/api/boards/${boardId}/versions`, {
				method: 'POST',
				headers: { authorization: `Bearer ${editKey}`, 'content-type': 'application/json' },
				body: JSON.stringify({ label: `Scripted ${saved}` })
			});
			if (response.status === 201) saved++;
			else expect(response.status).toBe(404); // the board is not stored yet
		}
		await openSection(page, 'Versions');
		await page.getByLabel('Version label').fill('One too many');
		await page.getByRole('button', { name: 'Save version' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'The server refused' })).toHaveText(
			/this board saved 60 versions in the last hour, the most it may; try again in \d+ min/
		);
	});
});
