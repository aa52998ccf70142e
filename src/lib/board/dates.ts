// Calendar dates as Charter stores them: `YYYY-MM-DD` strings in the user's local time zone
// (due dates, review dates, export file names). Strings of that form sort and compare as text.

const DAY_MS = 86_400_000;

/** A date as `YYYY-MM-DD` in the local time zone: the day the user sees on their calendar. */
export function localDateString(date: Date = new Date()): string {
	const pad = (value: number) => String(value).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Days since the epoch of a `YYYY-MM-DD` date, so dates subtract without time-zone drift. */
export function dayNumber(date: string): number {
	const [year, month, day] = date.split('-').map(Number);
	// setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999 (0001 became 1901).
	const time = new Date(0).setUTCFullYear(year!, month! - 1, day!);
	return Math.round(time / DAY_MS);
}

/** Days from `today` to `due`: negative when it is past, 0 on the day. */
export function daysUntil(due: string, today: string): number {
	return dayNumber(due) - dayNumber(today);
}

/**
 * A `YYYY-MM-DD` date as the user's locale writes it, short ("12 Mar 2026"; "12 Mar" without
 * the year, beside a date that gives it).
 */
export function formatDate(date: string, { withYear = true }: { withYear?: boolean } = {}): string {
	const [year, month, day] = date.split('-').map(Number);
	// setFullYear, not the constructor: it reads years 0–99 as 1900–1999.
	const local = new Date(2000, 0, 1);
	local.setFullYear(year!, month! - 1, day!);
	return local.toLocaleDateString(undefined, {
		day: 'numeric',
		month: 'short',
		...(withYear ? { year: 'numeric' } : {})
	});
}

/**
 * How far `due` is from `today`, in words: "Due today", "Due tomorrow", "In 5 days",
 * "1 day late", "3 weeks late", "In 4 months" — days while they are few, then weeks, months
 * and years.
 */
export function dueInWords(due: string, today: string): string {
	const days = daysUntil(due, today);
	if (days === 0) return 'Due today';
	if (days === 1) return 'Due tomorrow';
	if (days === -1) return '1 day late';
	const span = spanInWords(Math.abs(days));
	return days > 0 ? `In ${span}` : `${span} late`;
}

// A number of days in the largest unit that keeps it readable: "9 days", "3 weeks".
function spanInWords(days: number): string {
	const count = (amount: number, unit: string) =>
		`${amount.toLocaleString()} ${unit}${amount === 1 ? '' : 's'}`;
	if (days < 14) return count(days, 'day');
	if (days < 61) return count(Math.round(days / 7), 'week');
	if (days < 730) return count(Math.round(days / 30.44), 'month');
	return count(Math.round(days / 365.25), 'year');
}
