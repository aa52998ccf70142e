import { describe, expect, it } from 'vitest';
import { cssString, printPageRules } from '../../../src/lib/components/document/print-page.ts';

describe('printPageRules', () => {
	it('puts the title, the day and the page numbers in the page margins', () => {
		const rules = printPageRules('Q3 kickoff', new Date(2026, 11, 7));
		expect(rules).toContain('@top-left { content: "Q3 kickoff";');
		expect(rules).toMatch(/@top-right \{ content: "Printed [^"]*2026";/);
		expect(rules).toContain('content: "Page " counter(page) " of " counter(pages);');
	});

	it('keeps any title inside its CSS string, whatever it holds', () => {
		expect(cssString('Say "hi" \\ </style><b>')).toBe('"Say \\"hi\\" \\\\ \\3c /style>\\3c b>"');
		expect(cssString('two\nlines')).toBe('"two lines"');
	});
});
