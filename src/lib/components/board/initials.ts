/**
 * The letters on each person's avatar, for people shown side by side. A name's words are its runs
 * of letters and digits; what is in brackets ("Tess (TPM)") is a note, not a name. A person
 * shows the first letters of their first and last words ("Ada Lovelace" → "AL", "Grace" → "G");
 * when that is already someone else's, the first letter and a later one of their name, so two
 * people never look alike ("Maria Gonzalez" → "MG", "Mark Green" → "MA").
 */
export function avatarInitials(names: readonly string[]): string[] {
	const taken = new Set<string>();
	return names.map((name) => {
		const choices = candidates(name);
		const chosen = choices.find((choice) => !taken.has(choice)) ?? choices[0]!;
		taken.add(chosen);
		return chosen;
	});
}

// A run of letters and digits; an apostrophe inside a name keeps it one word ("O’Neil").
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

function candidates(name: string): string[] {
	const withoutNotes = name.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
	const words = withoutNotes.match(WORD) ?? name.match(WORD) ?? [];
	if (words.length === 0) return ['?'];
	const first = words[0]!;
	const firstLetter = [...first][0]!.toLocaleUpperCase();
	const primary =
		words.length > 1 ? firstLetter + [...words.at(-1)!][0]!.toLocaleUpperCase() : firstLetter;
	const later = [...words.join('').replace(/['’]/g, '')]
		.slice(1)
		.map((letter) => firstLetter + letter.toLocaleUpperCase());
	return [...new Set([primary, ...later])];
}
