/**
 * Money in integer minor units (cents for EUR, yen for JPY, fils for KWD): parsed from text by
 * string handling, summed with BigInt and formatted by Intl from a decimal string, so no amount
 * ever passes through a binary float (0.1 + 0.2 is exactly 30 cents, not 30.000000000000004).
 */

/** The currency a board has until someone picks one. */
export const DEFAULT_CURRENCY = 'EUR';

/** Currencies the picker offers first; any other ISO 4217 code Intl knows is accepted too. */
export const COMMON_CURRENCIES = [
	'EUR',
	'USD',
	'GBP',
	'CHF',
	'JPY',
	'CNY',
	'INR',
	'CAD',
	'AUD',
	'NZD',
	'SEK',
	'NOK',
	'DKK',
	'PLN',
	'CZK',
	'HUF',
	'BRL',
	'MXN',
	'ZAR',
	'SGD',
	'HKD',
	'KWD'
] as const;

let supported: ReadonlySet<string> | null = null;

/** Whether `code` is an ISO 4217 code (three capitals) that this runtime's Intl formats. */
export function isCurrencyCode(code: unknown): code is string {
	if (typeof code !== 'string' || !/^[A-Z]{3}$/.test(code)) return false;
	supported ??= new Set(Intl.supportedValuesOf('currency'));
	return supported.has(code);
}

/** How many minor digits the currency has, as Intl knows it: EUR 2, JPY 0, KWD 3. */
export function minorDigits(currency: string): number {
	return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
		.maximumFractionDigits!;
}

/** The result of reading an amount someone typed. */
export type ParsedAmount = { ok: true; minor: number } | { ok: false; reason: string };

const SPACES = /[\s\u00a0\u202f'’]/g;
const SPACE = /^[\s\u00a0\u202f'’]$/;

/**
 * Reads an amount in major units ("1,234.56", "1234", "€ 12.5", "1.234,56" with `locale` 'de')
 * as a non-negative safe integer of minor units of `currency`. The decimal and grouping marks
 * are the locale's (English by default: "." and ","); currency symbols, codes and spaces around
 * the number are ignored. More decimals than the currency has, a sign, or an amount past
 * Number.MAX_SAFE_INTEGER minor units is refused with a reason.
 */
export function parseAmount(text: string, currency: string, locale = 'en'): ParsedAmount {
	const { decimal, group } = separators(locale);
	const digits = minorDigits(currency);
	if (/[-−]/.test(text)) return { ok: false, reason: 'must not be negative' };
	// Keep digits and the two marks: what is left of "€", "KWD" or "12 345" once read.
	const kept = text
		.replace(SPACES, '')
		.split('')
		.filter((char) => /[0-9]/.test(char) || char === decimal || char === group)
		.join('');
	const stripped = text.replace(SPACES, '').replace(/^[^\d.,]*|[^\d.,]*$/g, '');
	if (kept !== stripped || kept === '') return { ok: false, reason: 'is not an amount' };
	const [whole = '', fraction = '', ...more] = kept.split(decimal);
	if (more.length > 0) return { ok: false, reason: `has more than one "${decimal}"` };
	const wholeDigits = whole.split(group).join('');
	if (fraction.includes(group) || !/^\d*$/.test(wholeDigits) || !/^\d*$/.test(fraction))
		return { ok: false, reason: 'is not an amount' };
	if (wholeDigits === '' && fraction === '') return { ok: false, reason: 'is not an amount' };
	if (fraction.length > digits)
		return {
			ok: false,
			reason:
				digits === 0
					? `${currency} has no decimals`
					: `${currency} has at most ${digits} decimal${digits === 1 ? '' : 's'}`
		};
	const minor =
		BigInt(wholeDigits || '0') * 10n ** BigInt(digits) +
		BigInt(fraction.padEnd(digits, '0') || '0');
	if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: 'is too large' };
	return { ok: true, minor: Number(minor) };
}

const separatorCache = new Map<string, { decimal: string; group: string }>();

function separators(locale: string): { decimal: string; group: string } {
	let found = separatorCache.get(locale);
	if (!found) {
		const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
		const decimal = parts.find((part) => part.type === 'decimal')?.value ?? '.';
		const group = parts.find((part) => part.type === 'group')?.value ?? ',';
		// A space-like group mark (fr: narrow no-break space) is dropped with the other spaces.
		found = { decimal, group: SPACE.test(group) ? '\u0000' : group };
		separatorCache.set(locale, found);
	}
	return found;
}

/** An amount in minor units as a decimal string in major units: 123456 EUR → "1234.56". */
export function majorString(minor: number | bigint, currency: string): string {
	const digits = minorDigits(currency);
	const value = BigInt(minor);
	const sign = value < 0n ? '-' : '';
	const text = (value < 0n ? -value : value).toString().padStart(digits + 1, '0');
	return digits === 0
		? `${sign}${text}`
		: `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * An amount in minor units formatted for people: "€1,234.56", "¥1,235", "KWD 1.234". Intl is
 * given the exact decimal string, never a float, so large amounts keep every digit.
 */
export function formatMoney(minor: number | bigint, currency: string, locale = 'en'): string {
	const key = `${locale}|${currency}`;
	let format = formatters.get(key);
	if (!format) {
		format = new Intl.NumberFormat(locale, { style: 'currency', currency });
		formatters.set(key, format);
	}
	// Intl formats a decimal string exactly (ECMA-402 "Intl.NumberFormat v3").
	return format.format(majorString(minor, currency) as unknown as number);
}

/** Thrown when a sum of amounts would leave the safe integers. */
export class MoneyOverflowError extends Error {
	constructor() {
		super('the amount is too large to hold exactly');
		this.name = 'MoneyOverflowError';
	}
}

/** The exact sum of amounts in minor units, as a BigInt (it may pass MAX_SAFE_INTEGER). */
export function sumMinor(amounts: Iterable<number | bigint>): bigint {
	let total = 0n;
	for (const amount of amounts) total += BigInt(amount);
	return total;
}

/** The sum of two amounts as a safe integer; MoneyOverflowError when it would not be one. */
export function addMinor(a: number, b: number): number {
	const total = sumMinor([a, b]);
	if (total > BigInt(Number.MAX_SAFE_INTEGER) || total < BigInt(Number.MIN_SAFE_INTEGER))
		throw new MoneyOverflowError();
	return Number(total);
}

/** Planned minus actual, signed: negative when more was spent than planned. */
export function variance(planned: number | bigint, actual: number | bigint): bigint {
	return BigInt(planned) - BigInt(actual);
}

/**
 * Actual as a percentage of planned, to one decimal, rounded half up (computed in integers);
 * null when nothing was planned, since any spend of nothing planned is not a percentage.
 */
export function percentSpent(actual: number | bigint, planned: number | bigint): number | null {
	const plan = BigInt(planned);
	if (plan <= 0n) return null;
	const perMille = (BigInt(actual) * 2000n + plan) / (2n * plan);
	return Number(perMille) / 10;
}

/** A percentage as the budget shows it: "37.5%", "100%", or "—" when there is none. */
export function formatPercent(percent: number | null): string {
	return percent === null ? '—' : `${percent.toLocaleString('en', { maximumFractionDigits: 1 })}%`;
}
