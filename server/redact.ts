/**
 * A connection URL fit for logs and error lines: its password replaced by `***`. Text that is
 * not a URL still loses anything between `//user:` and `@`.
 */
export function redactUrl(text: string): string {
	try {
		const url = new URL(text);
		if (url.password) url.password = '***';
		return url.href;
	} catch {
		return text.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@');
	}
}
