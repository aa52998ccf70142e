import { nanoid } from 'nanoid';

/** Length of every entity id (DESIGN.md §3: 16 random base64url characters). */
export const ID_LENGTH = 16;

/** The shape of an entity id; also rules out ':' so ids can be joined into RACI and vote keys. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{16}$/;

/** A fresh entity id; nanoid draws from crypto.getRandomValues with a URL-safe alphabet. */
export function newId(): string {
	return nanoid(ID_LENGTH);
}

/** Whether a value has the shape of an entity id; a remote peer may use any string as a key. */
export function isId(value: unknown): value is string {
	return typeof value === 'string' && ID_PATTERN.test(value);
}

/** Length of a saved version's id (nanoid's default size). */
export const VERSION_ID_LENGTH = 21;

/** The shape of a saved version's id. */
export const VERSION_ID_PATTERN = /^[A-Za-z0-9_-]{21}$/;

/** A fresh id for a saved version of a board. */
export function newVersionId(): string {
	return nanoid(VERSION_ID_LENGTH);
}

/** Whether a value has the shape of a saved version's id. */
export function isVersionId(value: unknown): value is string {
	return typeof value === 'string' && VERSION_ID_PATTERN.test(value);
}
