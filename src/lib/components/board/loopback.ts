/**
 * Whether a page's host name is this computer's own (localhost, 127.x.x.x, ::1): a link made
 * from such an origin opens only on the machine that made it, not on a teammate's.
 */
export function isLoopbackHost(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	return (
		host === 'localhost' ||
		host.endsWith('.localhost') ||
		host === '::1' ||
		/^127(\.\d{1,3}){3}$/.test(host)
	);
}
