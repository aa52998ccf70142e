import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** A test's share of its timeout above which the run says the margin is thin. */
const MARGIN = 0.5;

/** How many of the slowest tests the summary names. */
const SHOWN = 5;

/**
 * Prints, after the run, the tests that used the largest share of their timeout (the timeout a
 * test set for itself included), so a CI log shows how much margin the slowest test had and a
 * test creeping towards its timeout is seen before it fails. Never changes the outcome.
 */
export default class TimingReporter implements Reporter {
	readonly #results: Array<{ title: string; ms: number; timeout: number; status: string }> = [];

	onTestEnd(test: TestCase, result: TestResult): void {
		if (test.timeout <= 0) return;
		const file = test.location.file.split('/tests/e2e/').at(-1);
		this.#results.push({
			title: `${file}:${test.location.line} ${test.title}`,
			ms: result.duration,
			timeout: test.timeout,
			status: result.status
		});
	}

	onEnd(_result: FullResult): void {
		const share = (entry: { ms: number; timeout: number }) => entry.ms / entry.timeout;
		const slowest = [...this.#results].sort((a, b) => share(b) - share(a)).slice(0, SHOWN);
		if (slowest.length === 0) return;
		const over = this.#results.filter((entry) => share(entry) > MARGIN).length;
		console.log(
			`\nSlowest end-to-end tests (time / timeout); ${over} of ${this.#results.length} used more than ${MARGIN * 100}%:`
		);
		for (const entry of slowest) {
			const seconds = (entry.ms / 1000).toFixed(1);
			const percent = Math.round(100 * share(entry));
			console.log(
				`  ${seconds} s / ${entry.timeout / 1000} s (${percent}%) ${entry.status} ${entry.title}`
			);
		}
	}

	printsToStdio(): boolean {
		return false;
	}
}
