import * as Y from 'yjs';
import type { VersionInfo } from '../../server/store/store.ts';

/** Calls the board versions API of a test server with an optional bearer key. */
export function versionsApi(httpUrl: string, boardId: string) {
	const base = `${httpUrl}/api/boards/${boardId}/versions`;
	const auth = (key: string | null): Record<string, string> =>
		key ? { authorization: `Bearer ${key}` } : {};
	return {
		/** GET …/versions. */
		list: (key: string | null) => fetch(base, { headers: auth(key) }),
		/** The versions listed with `key`, which must be allowed to list them. */
		async versions(key: string): Promise<VersionInfo[]> {
			const response = await fetch(base, { headers: auth(key) });
			if (!response.ok) throw new Error(`listing versions answered ${response.status}`);
			return ((await response.json()) as { versions: VersionInfo[] }).versions;
		},
		/** POST …/versions with a JSON body (a string is sent as it is). */
		save: (key: string | null, body: unknown, headers: Record<string, string> = {}) =>
			fetch(base, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...auth(key), ...headers },
				body: typeof body === 'string' ? body : JSON.stringify(body)
			}),
		/** GET …/versions/<versionId>. */
		load: (key: string | null, versionId: string) =>
			fetch(`${base}/${versionId}`, { headers: auth(key) }),
		/** The doc a version holds, loaded with `key`. */
		async doc(key: string, versionId: string): Promise<Y.Doc> {
			const response = await fetch(`${base}/${versionId}`, { headers: auth(key) });
			if (!response.ok) throw new Error(`loading version answered ${response.status}`);
			const doc = new Y.Doc();
			Y.applyUpdate(doc, new Uint8Array(await response.arrayBuffer()));
			return doc;
		}
	};
}
