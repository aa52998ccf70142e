import { describe, expect, it } from 'vitest';
import {
	RISK_BANDS,
	bandOfScore,
	isRiskLevel,
	riskBand,
	riskScore
} from '../../../src/lib/board/views/risk-bands.ts';

describe('riskScore', () => {
	it('is likelihood times impact', () => {
		expect(riskScore({ likelihood: 1, impact: 1 })).toBe(1);
		expect(riskScore({ likelihood: 4, impact: 3 })).toBe(12);
		expect(riskScore({ likelihood: 5, impact: 5 })).toBe(25);
	});
});

describe('bandOfScore', () => {
	it.each([
		[1, 'low'],
		[4, 'low'],
		[5, 'medium'],
		[9, 'medium'],
		[10, 'high'],
		[15, 'high'],
		[16, 'critical'],
		[25, 'critical']
	])('puts score %i in the %s band', (score, band) => {
		expect(bandOfScore(score).id).toBe(band);
	});

	it('clamps scores outside 1–25 to the end bands', () => {
		expect(bandOfScore(0).id).toBe('low');
		expect(bandOfScore(99).id).toBe('critical');
	});

	it('covers every possible score exactly once, without gaps between bands', () => {
		for (let score = 1; score <= 25; score++) {
			const containing = RISK_BANDS.filter((band) => score >= band.min && score <= band.max);
			expect(containing).toHaveLength(1);
			expect(containing[0]).toBe(bandOfScore(score));
		}
	});

	it('gives every band a label and its colour token', () => {
		for (const band of RISK_BANDS) {
			expect(band.label).toMatch(/^[A-Z]/);
			expect(band.color).toBe(`var(--band-${band.id})`);
		}
	});
});

describe('riskBand', () => {
	it('bands a risk by its score', () => {
		expect(riskBand({ likelihood: 2, impact: 2 }).label).toBe('Low');
		expect(riskBand({ likelihood: 1, impact: 5 }).label).toBe('Medium');
		expect(riskBand({ likelihood: 3, impact: 5 }).label).toBe('High');
		expect(riskBand({ likelihood: 4, impact: 4 }).label).toBe('Critical');
	});
});

describe('isRiskLevel', () => {
	it('accepts the integers 1 to 5 only', () => {
		expect([1, 2, 3, 4, 5].every(isRiskLevel)).toBe(true);
		expect([0, 6, 2.5, Number.NaN].some(isRiskLevel)).toBe(false);
	});
});
