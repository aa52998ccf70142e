/**
 * Capability keys (DESIGN.md §4): whoever holds the edit key may write, whoever holds the view
 * key may read, and the board id is derived from the view key so the server can check either
 * key without storing any secret. Plain WebCrypto, shared by browser, server and tests.
 */

/** The rights a key grants on a board. */
export type Capability = 'edit' | 'view';

/** Length of a key in base64url characters (32 bytes, no padding). */
export const KEY_LENGTH = 43;

/** Length of a board id in base64url characters. */
export const BOARD_ID_LENGTH = 22;

const KEY_BYTES = 32;
const VIEW_LABEL = 'charter/view\0';
const BOARD_LABEL = 'charter/board\0';
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** The three values that make up a new board's links. */
export interface BoardKeys {
	boardId: string;
	editKey: string;
	viewKey: string;
}

/** Encodes bytes as base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** Decodes base64url without padding; throws on characters outside the alphabet. */
export function fromBase64Url(text: string): Uint8Array {
	if (!BASE64URL.test(text)) throw new Error('not base64url');
	const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
	return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/**
 * True when `text` is a canonical key: 43 base64url characters whose unused low bits are zero,
 * so no two spellings of one key exist.
 */
export function isKeyShaped(text: string): boolean {
	return (
		text.length === KEY_LENGTH && BASE64URL.test(text) && toBase64Url(fromBase64Url(text)) === text
	);
}

/** True when `text` has the shape of a board id (22 base64url characters). */
export function isBoardId(text: string): boolean {
	return text.length === BOARD_ID_LENGTH && BASE64URL.test(text);
}

async function labelledDigest(label: string, keyText: string): Promise<string> {
	const labelBytes = new TextEncoder().encode(label);
	const keyBytes = fromBase64Url(keyText);
	const input = new Uint8Array(labelBytes.length + keyBytes.length);
	input.set(labelBytes);
	input.set(keyBytes, labelBytes.length);
	const digest = await crypto.subtle.digest('SHA-256', input);
	return toBase64Url(new Uint8Array(digest));
}

/** Makes a fresh edit key from 32 random bytes. */
export function generateEditKey(): string {
	return toBase64Url(crypto.getRandomValues(new Uint8Array(KEY_BYTES)));
}

/** Derives the view key from an edit key: base64url(SHA-256("charter/view\0" ‖ editKeyBytes)). */
export function deriveViewKey(editKey: string): Promise<string> {
	return labelledDigest(VIEW_LABEL, editKey);
}

/** Derives the board id from a view key: the first 22 characters of base64url(SHA-256(…)). */
export async function deriveBoardId(viewKey: string): Promise<string> {
	return (await labelledDigest(BOARD_LABEL, viewKey)).slice(0, BOARD_ID_LENGTH);
}

/** Derives all of a board's keys from its edit key. */
export async function keysFromEditKey(editKey: string): Promise<BoardKeys> {
	const viewKey = await deriveViewKey(editKey);
	return { boardId: await deriveBoardId(viewKey), editKey, viewKey };
}

/** Makes the keys of a new board, offline. */
export function generateBoardKeys(): Promise<BoardKeys> {
	return keysFromEditKey(generateEditKey());
}

/**
 * What `key` grants on `boardId`: 'edit' when it is the board's edit key, 'view' when it is
 * its view key, null otherwise (including keys of the wrong shape).
 */
export async function capabilityFor(boardId: string, key: string): Promise<Capability | null> {
	if (!isBoardId(boardId) || !isKeyShaped(key)) return null;
	if ((await deriveBoardId(key)) === boardId) return 'view';
	const viewKey = await deriveViewKey(key);
	if ((await deriveBoardId(viewKey)) === boardId) return 'edit';
	return null;
}
