import { exportFileName } from '../../src/lib/board/export/file-names.ts';
import {
	readUpdateDocument,
	updateHtmlPage,
	updateMarkdown
} from '../../src/lib/board/updates/update-export.ts';
import { readBoardDoc } from './board-state.ts';
import { refuseUnlessRead, sendJson } from './respond.ts';
import type { BoardApiHandler } from './routes.ts';

const FORMATS = {
	md: { type: 'text/markdown; charset=utf-8', render: updateMarkdown },
	html: { type: 'text/html; charset=utf-8', render: updateHtmlPage }
} as const;

const UPDATE_PATH = /^updates\/([^/]+)\.(md|html)$/;

/**
 * `GET /api/boards/<id>/updates/<updateId>.md` and `….html`: one published status update as
 * Markdown or as an e-mail-ready HTML page, for either key of the board (as the board's export).
 * A draft, an unknown id or a board never stored is 404: nothing unpublished leaves the board.
 */
export const serveUpdateExport: BoardApiHandler = async ({
	req,
	res,
	rest,
	boardId,
	capability,
	store,
	rooms
}) => {
	const match = UPDATE_PATH.exec(rest);
	if (!match) return false;
	const [, updateId, extension] = match as unknown as [string, string, keyof typeof FORMATS];
	if (refuseUnlessRead(req, res, capability, 'an update')) return true;
	const doc = await readBoardDoc(boardId, rooms, store);
	try {
		const update = doc ? readUpdateDocument(doc, updateId) : null;
		if (!update) {
			sendJson(res, 404, { error: 'this board has no published update with that id' });
			return true;
		}
		const format = FORMATS[extension];
		const name = exportFileName(`${update.boardTitle} update ${update.day}`, `.${extension}`);
		res.writeHead(200, {
			'content-type': format.type,
			'cache-control': 'no-store',
			'content-disposition': `inline; filename="${name}"`,
			// The page is the user's text, escaped; a sandbox keeps it inert even if opened directly.
			'content-security-policy':
				"default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox"
		});
		res.end(req.method === 'HEAD' ? undefined : format.render(update));
	} finally {
		doc?.destroy();
	}
	return true;
};
