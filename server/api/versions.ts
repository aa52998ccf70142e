import { isVersionId, newVersionId } from '../../src/lib/board/ids.ts';
import { describeIssues, newVersionBodySchema } from '../../src/lib/versions/schema.ts';
import { readBoardState } from './board-state.ts';
import { readJsonBody, RequestBodyError } from './json-body.ts';
import { refuse, sendJson } from './respond.ts';
import type { BoardApiContext, BoardApiHandler } from './routes.ts';
import { versionQuotaRefusal } from './version-quota.ts';

/** Largest body `POST …/versions` reads: a label and a name need far less. */
export const MAX_VERSION_BODY_BYTES = 4 * 1024;

const ONE_VERSION = /^versions\/([^/]+)$/;

/**
 * The versions of a board: `GET versions` lists them (view or edit key), `POST versions` saves
 * the board's current state as one (edit key), `GET versions/<vid>` answers one version's
 * state as a Yjs update (view or edit key).
 */
export const versionsApi: BoardApiHandler = async (context) => {
	const { rest, req } = context;
	if (rest === 'versions') {
		if (req.method === 'GET') await listVersions(context);
		else if (req.method === 'POST') await saveVersion(context);
		else notAllowed(context, 'GET, POST');
		return true;
	}
	const match = ONE_VERSION.exec(rest);
	if (!match) return false;
	if (req.method !== 'GET') notAllowed(context, 'GET');
	else await sendVersion(context, match[1]!);
	return true;
};

async function listVersions({ res, capability, store, boardId }: BoardApiContext): Promise<void> {
	if (!capability) return refuse(res, capability);
	sendJson(res, 200, { versions: await store.listVersions(boardId) });
}

async function saveVersion(context: BoardApiContext): Promise<void> {
	const { req, res, capability, store, rooms, boardId, logger, versionRefusals } = context;
	if (capability !== 'edit') return refuse(res, capability);
	const standing = versionRefusals.standing(boardId, Date.now());
	if (standing) return sendRefusal(context, standing);
	let body: unknown;
	try {
		body = await readJsonBody(req, MAX_VERSION_BODY_BYTES);
	} catch (error) {
		if (!(error instanceof RequestBodyError)) throw error;
		// The rest of an oversized body is not read: the connection cannot be reused.
		if (error.status === 413) res.setHeader('connection', 'close');
		return sendJson(res, error.status, { error: error.message });
	}
	const parsed = newVersionBodySchema.safeParse(body);
	if (!parsed.success) return sendJson(res, 400, { error: describeIssues(parsed.error) });
	// Count and rate first: a refused request costs no read of the board.
	const versions = await store.listVersions(boardId);
	if (refusedByQuota(context, versions, 0)) return;
	const state = await readBoardState(boardId, rooms, store);
	if (!state) return sendJson(res, 404, { error: 'this board has nothing stored yet' });
	if (refusedByQuota(context, versions, state.length)) return;
	const version = await store.saveVersion(
		boardId,
		{
			id: newVersionId(),
			label: parsed.data.label,
			kind: 'manual',
			createdAt: Date.now(),
			createdBy: parsed.data.createdBy ?? null
		},
		state
	);
	logger.info({ boardId, versionId: version.id, bytes: version.bytes }, 'version saved');
	sendJson(res, 201, version);
}

// Answers 429 or 507 with the reason when the board's version quotas refuse one more.
function refusedByQuota(
	context: BoardApiContext,
	versions: Parameters<typeof versionQuotaRefusal>[0],
	stateBytes: number
): boolean {
	const now = Date.now();
	const refusal = versionQuotaRefusal(versions, stateBytes, context.quotas, now);
	if (!refusal) return false;
	context.versionRefusals.record(context.boardId, refusal, now);
	sendRefusal(context, refusal);
	return true;
}

function sendRefusal(
	{ res, metrics }: BoardApiContext,
	refusal: NonNullable<ReturnType<typeof versionQuotaRefusal>>
): void {
	metrics.reject('versions_quota');
	if (refusal.retryAfterSeconds) res.setHeader('retry-after', String(refusal.retryAfterSeconds));
	sendJson(res, refusal.status, { error: refusal.error });
}

async function sendVersion(context: BoardApiContext, versionId: string): Promise<void> {
	const { res, capability, store, boardId } = context;
	if (!capability) return refuse(res, capability);
	const state = isVersionId(versionId) ? await store.loadVersion(boardId, versionId) : null;
	if (!state) return sendJson(res, 404, { error: 'this board has no such version' });
	res.writeHead(200, {
		'content-type': 'application/octet-stream',
		'content-length': state.length,
		'cache-control': 'no-store'
	});
	res.end(state);
}

function notAllowed({ res }: BoardApiContext, allow: string): void {
	res.setHeader('allow', allow);
	sendJson(res, 405, { error: `this path answers ${allow} only` });
}
