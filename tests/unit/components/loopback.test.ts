import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../../../src/lib/components/board/loopback.ts';

describe('the Share panel warns when its links name this computer', () => {
	it.each(['localhost', 'LOCALHOST', 'app.localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1'])(
		'%s is this computer only',
		(host) => expect(isLoopbackHost(host)).toBe(true)
	);

	it.each(['192.168.1.20', 'charter.example', 'localhost.example', '[fe80::1]', '10.0.0.127'])(
		'%s reaches other machines',
		(host) => expect(isLoopbackHost(host)).toBe(false)
	);
});
