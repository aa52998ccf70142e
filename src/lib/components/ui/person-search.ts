/**
 * How well a name matches what someone typed into the owner picker, from 0 (hidden) to 1: the
 * whole name starting with it ranks first, then a word of it ("gon" → "Maria González"), then
 * anywhere inside it. Case and accents are ignored, so "maria" finds "María".
 */
export function nameMatch(name: string, typed: string): number {
	const wanted = folded(typed).trim();
	if (wanted === '') return 1;
	const candidate = folded(name);
	if (candidate.startsWith(wanted)) return 1;
	if (candidate.split(/[^\p{L}\p{N}]+/u).some((word) => word.startsWith(wanted))) return 0.8;
	return candidate.includes(wanted) ? 0.5 : 0;
}

// Lower case without accents: "González" → "gonzalez".
function folded(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}
