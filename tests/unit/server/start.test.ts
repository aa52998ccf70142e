import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runningLines } from '../../../server/start/addresses.ts';
import { buildNeeded } from '../../../server/start/build-freshness.ts';

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A project with one source file and, when `built` is given, a build made at that time. */
function project(built: Date | null, sourceAt: Date): string {
	const root = mkdtempSync(join(tmpdir(), 'charter-start-'));
	dirs.push(root);
	mkdirSync(join(root, 'src/lib'), { recursive: true });
	writeFileSync(join(root, 'src/lib/app.ts'), '');
	utimesSync(join(root, 'src/lib/app.ts'), sourceAt, sourceAt);
	if (built) {
		mkdirSync(join(root, 'build'));
		writeFileSync(join(root, 'build/handler.js'), '');
		utimesSync(join(root, 'build/handler.js'), built, built);
	}
	return root;
}

describe('npm start builds only when it must', () => {
	const earlier = new Date('2026-12-01T10:00:00Z');
	const later = new Date('2026-12-01T11:00:00Z');

	it('builds when there is no build', () => {
		expect(buildNeeded(project(null, earlier))).toBe('there is no build yet');
	});

	it('reuses a build newer than every source', () => {
		expect(buildNeeded(project(later, earlier))).toBeNull();
	});

	it('builds again when a source changed after the build, and names it', () => {
		expect(buildNeeded(project(earlier, later))).toBe(
			'src/lib/app.ts changed since the last build'
		);
	});
});

describe('where npm start says Charter runs', () => {
	const interfaces = {
		lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
		eth0: [
			{ address: '192.168.1.20', family: 'IPv4', internal: false },
			{ address: 'fe80::1', family: 'IPv6', internal: false }
		]
	} as unknown as Parameters<typeof runningLines>[2];

	it('on loopback: localhost, and how to let teammates in', () => {
		expect(runningLines('localhost', 3000, interfaces)).toEqual([
			'Charter is running at http://localhost:3000',
			'Only this machine can open it; to share boards in a meeting, start it with HOST=0.0.0.0.'
		]);
	});

	it('on every address: localhost, and the addresses teammates on the network open', () => {
		expect(runningLines('0.0.0.0', 3000, interfaces)).toEqual([
			'Charter is running at http://localhost:3000',
			'Teammates on your network open http://192.168.1.20:3000'
		]);
	});

	it('on one named address: that address', () => {
		expect(runningLines('charter.example', 8080, interfaces)).toEqual([
			'Charter is running at http://charter.example:8080'
		]);
	});
});
