import type { Attachment } from 'svelte/attachments';

const numbers = new Intl.NumberFormat('en-US');

/**
 * What to say when a paste did not fit: the field keeps what fits (the browser cuts it at
 * `maxlength`), and the person is told how much of what they pasted was kept and why.
 */
export function pasteCutMessage(limit: string, room: number, pasted: number): string {
	const kept =
		room <= 0
			? 'nothing of what you pasted was added'
			: `only the first ${numbers.format(room)} of the ${numbers.format(pasted)} characters you pasted were kept`;
	return `${limit.replace(/\.$/, '')}: ${kept}.`;
}

/**
 * Keeps a text field to the schema's `max` characters while typing and pasting (`maxlength`),
 * so nothing typed is later thrown away, and reports a paste that did not fit with
 * pasteCutMessage. `limit` is the field's rule in words ("A risk title has at most 200
 * characters.").
 */
export function lengthLimit(
	max: number,
	limit: string,
	report: (message: string) => void
): Attachment<HTMLInputElement | HTMLTextAreaElement> {
	return (element) => {
		element.maxLength = max;
		const onpaste = (event: Event) => {
			const pasted = (event as ClipboardEvent).clipboardData?.getData('text/plain') ?? '';
			const selected = (element.selectionEnd ?? 0) - (element.selectionStart ?? 0);
			const room = max - (element.value.length - selected);
			if (pasted.length > room) report(pasteCutMessage(limit, room, pasted.length));
		};
		element.addEventListener('paste', onpaste);
		return () => {
			element.removeEventListener('paste', onpaste);
			element.removeAttribute('maxlength');
		};
	};
}
