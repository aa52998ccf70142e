import { expect } from 'vitest';
import { runServerToExit } from './server.ts';

/** Starts a server with `variable=value` and checks it stops with one line naming the variable. */
export async function expectConfigRefused(
	variable: string,
	value: string,
	expected: string
): Promise<void> {
	const { code, output } = await runServerToExit({
		HOST: '127.0.0.1',
		PORT: '0',
		[variable]: value
	});
	expect(code).toBe(1);
	const lines = output.trim().split('\n');
	expect(lines).toHaveLength(1);
	expect(lines[0]).toContain(`charter: Invalid ${variable}=`);
	expect(lines[0]).toContain(expected);
}
