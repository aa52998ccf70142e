import {
	describeIssues,
	versionInfoSchema,
	versionListSchema,
	type NewVersionBody,
	type Version
} from './schema.ts';

/** Why a request to the versions API failed; `status` is null when the server was not reached. */
export class VersionsRequestError extends Error {
	override name = 'VersionsRequestError';
	constructor(
		message: string,
		readonly status: number | null
	) {
		super(message);
	}
}

/** What a person reads when the server cannot be reached. */
export const OFFLINE_MESSAGE =
	'You are offline. Versions are kept by the server: try again once you are connected.';

/** The versions API of one board, called with the key this browser holds for it. */
export class VersionsClient {
	constructor(
		private readonly boardId: string,
		private readonly key: string,
		private readonly fetchFn: typeof fetch = (...args) => fetch(...args)
	) {}

	/** The board's versions, newest first. */
	async list(): Promise<Version[]> {
		const response = await this.#request('');
		const parsed = versionListSchema.safeParse(await response.json());
		if (!parsed.success) throw unreadable(describeIssues(parsed.error));
		return parsed.data.versions;
	}

	/** Saves the board as the server holds it now as a version (needs the edit key). */
	async save(body: NewVersionBody): Promise<Version> {
		const response = await this.#request('', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body)
		});
		const parsed = versionInfoSchema.safeParse(await response.json());
		if (!parsed.success) throw unreadable(describeIssues(parsed.error));
		return parsed.data;
	}

	/** One version's state, a Yjs update. */
	async state(versionId: string): Promise<Uint8Array> {
		const response = await this.#request(`/${encodeURIComponent(versionId)}`);
		return new Uint8Array(await response.arrayBuffer());
	}

	async #request(path: string, init: RequestInit = {}): Promise<Response> {
		let response: Response;
		try {
			response = await this.fetchFn(`/api/boards/${this.boardId}/versions${path}`, {
				...init,
				headers: { ...init.headers, authorization: `Bearer ${this.key}` },
				cache: 'no-store'
			});
		} catch {
			throw new VersionsRequestError(OFFLINE_MESSAGE, null);
		}
		if (response.ok) return response;
		const answer = (await response.json().catch(() => null)) as { error?: unknown } | null;
		const reason = typeof answer?.error === 'string' ? answer.error : response.statusText;
		throw new VersionsRequestError(`The server refused: ${reason}.`, response.status);
	}
}

function unreadable(details: string): VersionsRequestError {
	return new VersionsRequestError(`The server's answer could not be read (${details}).`, null);
}
