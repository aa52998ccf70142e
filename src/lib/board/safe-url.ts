/**
 * Which link addresses Charter turns into live links: web pages (http, https) and email
 * (mailto). Anything else — `javascript:`, `data:`, relative paths — stays text, whoever wrote it.
 */

const LINK_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);

/** What the link form tells a user who typed an address it cannot accept. */
export const LINK_RULES =
	'Links start with https://, http:// or mailto: — other kinds are not allowed.';

/** The outcome of reading an address a user typed into the link form. */
export type LinkInput = { ok: true; url: string } | { ok: false; message: string };

// Browsers ignore these when they resolve a scheme, so an address carrying them is never ours.
// eslint-disable-next-line no-control-regex
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u009f\u2028\u2029]/;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const EMAIL = /^[^@\s/]+@[^@\s/]+\.[^@\s/]+$/;
const HOST_LIKE = /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?([/?#].*)?$/i;

/** True when `url` is an absolute http, https or mailto address that may be rendered live. */
export function isSafeLinkUrl(url: unknown): url is string {
	if (typeof url !== 'string' || url.length === 0 || url.length > 2048) return false;
	if (CONTROL_OR_SPACE.test(url)) return false;
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return false;
	}
	if (!LINK_PROTOCOLS.has(parsed.protocol)) return false;
	if (parsed.protocol === 'mailto:') return parsed.pathname.length > 0;
	return parsed.hostname.length > 0;
}

/**
 * Reads what a user typed as a link address: a full http(s) or mailto address, a bare email
 * address (becomes mailto:) or a bare host such as `example.com/plan` (becomes https://).
 */
export function readLinkInput(input: string): LinkInput {
	const text = input.trim();
	if (text.length === 0) return { ok: false, message: 'Enter a web or email address.' };
	if (CONTROL_OR_SPACE.test(text)) {
		return { ok: false, message: 'A link address cannot contain spaces.' };
	}
	const candidate = HAS_SCHEME.test(text)
		? text
		: EMAIL.test(text)
			? `mailto:${text}`
			: HOST_LIKE.test(text)
				? `https://${text}`
				: text;
	if (!isSafeLinkUrl(candidate)) return { ok: false, message: LINK_RULES };
	return { ok: true, url: candidate.startsWith('mailto:') ? candidate : new URL(candidate).href };
}
