import { boardJsonText } from '../../src/lib/board/export/board-json.ts';
import { exportFileName } from '../../src/lib/board/export/file-names.ts';
import { boardMarkdown } from '../../src/lib/board/export/markdown.ts';
import { readMeta } from '../../src/lib/board/read.ts';
import { localDateString } from '../../src/lib/board/dates.ts';
import { readBoardDoc } from './board-state.ts';
import { refuseUnlessRead, sendJson } from './respond.ts';
import type { BoardApiHandler } from './routes.ts';

const FORMATS = {
	'export.md': { type: 'text/markdown; charset=utf-8', suffix: '.md' },
	'export.json': { type: 'application/json; charset=utf-8', suffix: '.json' }
} as const;

/**
 * `GET /api/boards/<id>/export.md` and `…/export.json`: the board's current state (what peers
 * see, once stored) as the same Markdown and JSON the browser exports. Either key of the board
 * may read it; without one the answer is 401, and a board never stored is 404.
 */
export const serveExport: BoardApiHandler = async ({
	req,
	res,
	rest,
	boardId,
	capability,
	store,
	rooms
}) => {
	if (!Object.hasOwn(FORMATS, rest)) return false;
	const format = FORMATS[rest as keyof typeof FORMATS];
	if (refuseUnlessRead(req, res, capability, 'an export')) return true;
	const doc = await readBoardDoc(boardId, rooms, store);
	const meta = doc ? readMeta(doc) : null;
	if (!doc || !meta?.ok) {
		sendJson(res, 404, { error: 'this board has nothing stored on the server yet' });
		return true;
	}
	try {
		const body =
			rest === 'export.md' ? boardMarkdown(doc, localDateString(new Date())) : boardJsonText(doc);
		res.writeHead(200, {
			'content-type': format.type,
			'cache-control': 'no-store',
			'content-disposition': `attachment; filename="${exportFileName(meta.meta.title, format.suffix)}"`
		});
		res.end(req.method === 'HEAD' ? undefined : body);
	} finally {
		doc.destroy();
	}
	return true;
};
