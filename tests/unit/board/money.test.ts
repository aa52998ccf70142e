import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	MoneyOverflowError,
	addMinor,
	formatMoney,
	formatPercent,
	isCurrencyCode,
	majorString,
	minorDigits,
	parseAmount,
	percentSpent,
	sumMinor,
	variance
} from '../../../src/lib/board/money.ts';

const minor = (text: string, currency = 'EUR', locale?: string) => {
	const result = parseAmount(text, currency, locale);
	if (!result.ok) throw new Error(`${text}: ${result.reason}`);
	return result.minor;
};
const refusal = (text: string, currency = 'EUR') => {
	const result = parseAmount(text, currency);
	return result.ok ? null : result.reason;
};
// Intl separates a currency sign from its number with a no-break space; compare with plain ones.
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('currencies', () => {
	it('knows ISO 4217 codes and their minor digits from Intl', () => {
		expect(isCurrencyCode('EUR')).toBe(true);
		expect(isCurrencyCode('KWD')).toBe(true);
		expect(isCurrencyCode('eur')).toBe(false);
		expect(isCurrencyCode('EURO')).toBe(false);
		expect(isCurrencyCode('XYZ')).toBe(false);
		expect(isCurrencyCode(42)).toBe(false);
		expect([minorDigits('EUR'), minorDigits('JPY'), minorDigits('KWD')]).toEqual([2, 0, 3]);
	});
});

describe('parseAmount', () => {
	it('reads major units into minor units by strings, never floats', () => {
		expect(minor('1,234.56')).toBe(123456);
		expect(minor('1234')).toBe(123400);
		expect(minor('0.1')).toBe(10);
		expect(minor('.5')).toBe(50);
		expect(minor('12.')).toBe(1200);
		expect(minor(' € 1 234.5 ')).toBe(123450);
		expect(minor('EUR 7')).toBe(700);
		expect(minor('1234', 'JPY')).toBe(1234);
		expect(minor('1,234', 'JPY')).toBe(1234);
		expect(minor('1.234', 'KWD')).toBe(1234);
		expect(minor('1,234.5', 'KWD')).toBe(1234500);
		expect(minor('1.234,56', 'EUR', 'de')).toBe(123456);
		expect(minor('1.234', 'JPY', 'de')).toBe(1234);
	});

	it('gives exactly 30 minor units for 0.1 + 0.2', () => {
		expect(addMinor(minor('0.1'), minor('0.2'))).toBe(30);
		expect(sumMinor([minor('0.1'), minor('0.2')])).toBe(30n);
		expect(formatMoney(addMinor(minor('0.1'), minor('0.2')), 'EUR')).toBe('€0.30');
	});

	it('refuses what is not a non-negative amount of the currency, and says why', () => {
		expect(refusal('')).toBe('is not an amount');
		expect(refusal('abc')).toBe('is not an amount');
		expect(refusal('1e5')).toBe('is not an amount');
		expect(refusal('1.2.3')).toBe('has more than one "."');
		expect(refusal('-5')).toBe('must not be negative');
		expect(refusal('1.234')).toBe('EUR has at most 2 decimals');
		expect(refusal('1.5', 'JPY')).toBe('JPY has no decimals');
		expect(refusal('1.2345', 'KWD')).toBe('KWD has at most 3 decimals');
		expect(refusal('90071992547409.92')).toBe('is too large');
		expect(minor('90071992547409.91')).toBe(Number.MAX_SAFE_INTEGER);
	});
});

describe('formatMoney', () => {
	it('formats minor units with the currency’s own digits', () => {
		expect(formatMoney(123456, 'EUR')).toBe('€1,234.56');
		expect(formatMoney(1235, 'JPY')).toBe('¥1,235');
		expect(spaced(formatMoney(1234, 'KWD'))).toBe('KWD 1.234');
		expect(spaced(formatMoney(123456, 'EUR', 'de'))).toBe('1.234,56 €');
		expect(formatMoney(-500, 'EUR')).toBe('-€5.00');
	});

	it('keeps every digit of amounts past what a double holds', () => {
		const total = sumMinor([Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER]);
		expect(total).toBe(18014398509481982n);
		expect(majorString(total, 'EUR')).toBe('180143985094819.82');
		expect(formatMoney(total, 'EUR')).toBe('€180,143,985,094,819.82');
	});

	it('reads back what it wrote, for every whole amount (EUR, JPY, KWD; English and German)', () => {
		const currencies = fc.constantFrom('EUR', 'JPY', 'KWD', 'USD', 'GBP');
		const locales = fc.constantFrom('en', 'en-US', 'de');
		fc.assert(
			fc.property(fc.maxSafeNat(), currencies, locales, (amount, currency, locale) => {
				const written = formatMoney(amount, currency, locale);
				expect(minor(written, currency, locale)).toBe(amount);
			}),
			{ numRuns: 400 }
		);
	});
});

describe('sums, variance and % spent', () => {
	it('refuses a safe-integer sum that would overflow, and sums exactly in BigInt', () => {
		expect(() => addMinor(Number.MAX_SAFE_INTEGER, 1)).toThrow(MoneyOverflowError);
		expect(addMinor(Number.MAX_SAFE_INTEGER - 1, 1)).toBe(Number.MAX_SAFE_INTEGER);
		expect(sumMinor([Number.MAX_SAFE_INTEGER, 1])).toBe(9007199254740992n);
	});

	it('gives a signed variance and a rounded % spent, none when nothing was planned', () => {
		expect(variance(1000, 1250)).toBe(-250n);
		expect(variance(1000, 250)).toBe(750n);
		expect(percentSpent(1, 3)).toBe(33.3);
		expect(percentSpent(2, 3)).toBe(66.7);
		expect(percentSpent(1250, 1000)).toBe(125);
		expect(percentSpent(5, 0)).toBeNull();
		expect(formatPercent(37.5)).toBe('37.5%');
		expect(formatPercent(null)).toBe('—');
	});
});
