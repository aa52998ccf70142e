import * as Y from 'yjs';

/** The Yjs types @lexical/yjs stores a field in (and may cache a collab node on). */
type SharedType = Y.XmlText | Y.XmlElement | Y.Map<unknown> | Y.Array<unknown>;

function isSharedType(value: unknown): value is SharedType {
	return (
		value instanceof Y.XmlText ||
		value instanceof Y.XmlElement ||
		value instanceof Y.Map ||
		value instanceof Y.Array
	);
}

/**
 * Removes the `_collabNode` that @lexical/yjs caches on each Yjs type of a field.
 *
 * `binding.root.destroy` leaves that cache behind, and a later binding on the same field reuses
 * the stale nodes: the remounted editor shows the content several times and its next keystroke
 * corrupts the shared text. So the cache is cleared before binding and after teardown. It is an
 * internal of @lexical/yjs 0.52; tests/unit/editor remount a field and edit it, so an upgrade that
 * renames it fails there first.
 */
export function clearCollabNodeCache(type: SharedType): void {
	const pending: SharedType[] = [type];
	for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
		delete (next as { _collabNode?: unknown })._collabNode;
		pending.push(...nestedTypes(next));
	}
}

function nestedTypes(type: SharedType): SharedType[] {
	const values: unknown[] = [];
	if (type instanceof Y.XmlText) {
		for (const op of type.toDelta() as { insert?: unknown }[]) values.push(op.insert);
		values.push(...Object.values(type.getAttributes()));
	} else if (type instanceof Y.XmlElement) {
		values.push(...type.toArray(), ...Object.values(type.getAttributes()));
	} else if (type instanceof Y.Map) {
		type.forEach((value) => values.push(value));
	} else if (type instanceof Y.Array) {
		values.push(...type.toArray());
	}
	return values.filter(isSharedType);
}
