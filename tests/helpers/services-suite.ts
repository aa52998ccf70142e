import { describe, it } from 'vitest';
import { findServiceBinaries, type ServiceBinaries } from './services.ts';

/**
 * A describe block that needs PostgreSQL and Redis: skipped with its reason in its name when
 * they are missing, or failing when CHARTER_REQUIRE_SERVICES=1 (as in CI).
 */
export function describeWithServices(
	name: string,
	body: (binaries: Extract<ServiceBinaries, { ok: true }>) => void
): void {
	const binaries = findServiceBinaries();
	if (binaries.ok) {
		describe(name, () => body(binaries));
	} else if (process.env.CHARTER_REQUIRE_SERVICES === '1') {
		describe(name, () => {
			it('has PostgreSQL and Redis to run against (CHARTER_REQUIRE_SERVICES=1)', () => {
				throw new Error(`${name}: ${binaries.reason}`);
			});
		});
	} else {
		// The reporter shows only a count of skipped tests: say why on stderr too.
		console.warn(`charter-test: "${name}" skipped: ${binaries.reason}`);
		describe.skip(`${name} (skipped: ${binaries.reason})`, () => body(binaries as never));
	}
}
