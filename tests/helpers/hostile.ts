import * as Y from 'yjs';
import { newId } from '../../src/lib/board/index.ts';

/** Ids and map keys that trip code which treats a plain object as a map. */
export const HOSTILE_IDS = [
	'__proto__',
	'constructor',
	'prototype',
	'hasOwnProperty',
	'toString',
	'',
	'x'.repeat(10_000),
	'abc:defghijklmnop'
] as const;

/** Titles and names no command may write: control characters, and 10 kB of text. */
export const HOSTILE_TEXTS = [
	'bell\u0007',
	'nul\u0000byte',
	'\u001b[31mred terminal\u001b[0m',
	'line\nbreak',
	'carriage\rreturn',
	'del\u007f',
	'next line\u0085',
	'n'.repeat(10_000)
] as const;

/** Text that is strange but harmless: written and read back as plain text. */
export const HARMLESS_ODD_TEXTS = [
	'__proto__',
	'constructor',
	'<script>alert(1)</script>',
	'رائد ✓ 👩🏽‍💻'
];

/** How many entries writeHostileEntries puts into `people`, none of them readable. */
export const HOSTILE_PEOPLE = HOSTILE_IDS.length + HOSTILE_TEXTS.length + 1;

/**
 * Writes, as a peer bypassing the commands would, entries keyed by hostile ids, entries with
 * hostile names, an entry that smuggles `__proto__` and `constructor` fields next to valid
 * ones, and RACI cells with hostile keys. Returns the id of the smuggling (but valid) person.
 */
export function writeHostileEntries(doc: Y.Doc): string {
	const people = doc.getMap<unknown>('people');
	const raci = doc.getMap<unknown>('raci');
	const person = (name: string) =>
		new Y.Map<unknown>(Object.entries({ name, role: '', color: '#123456', order: 'a0' }));
	doc.transact(() => {
		for (const id of HOSTILE_IDS) people.set(id, person('Keyed badly'));
		for (const name of HOSTILE_TEXTS) people.set(newId(), person(name));
		// Not a map at all, and carrying an own `__proto__` property as JSON from a peer would.
		people.set(newId(), JSON.parse('{"name":"plain object","__proto__":{"polluted":true}}'));
		for (const id of HOSTILE_IDS) raci.set(`${id}:${id}`, 'R');
		raci.set('__proto__', 'A');
	});
	const smuggler = newId();
	const entry = person('Smuggler');
	entry.set('__proto__', { polluted: true });
	entry.set('constructor', { prototype: { polluted: true } });
	people.set(smuggler, entry);
	return smuggler;
}

/** True when something wrote onto Object.prototype. */
export function prototypePolluted(): boolean {
	return (
		(Object.prototype as Record<string, unknown>).polluted !== undefined ||
		({} as Record<string, unknown>).polluted !== undefined
	);
}
