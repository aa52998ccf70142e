import { z } from 'zod';
import { TEXT_LIMITS, colorSchema, userIdSchema } from '../board/schema.ts';
import { PERSON_COLORS } from '../board/commands.ts';
import { newId } from '../board/ids.ts';

/** Who this browser's user is to the others on a board. Kept in localStorage, never synced. */
export const profileSchema = z.object({
	id: userIdSchema,
	name: z.string().trim().min(1).max(TEXT_LIMITS.profileName),
	color: colorSchema
});

/** This browser's user. */
export type UserProfile = z.infer<typeof profileSchema>;

/** Colours offered for a profile: the same palette as the board's people. */
export const PROFILE_COLORS = PERSON_COLORS;

const STORAGE_KEY = 'charter.profile';

function readStored(storage: Storage): UserProfile | null {
	try {
		const parsed = profileSchema.safeParse(JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null'));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
}

/**
 * This browser's profile. Until the user has named themselves, `current` is an anonymous
 * profile with a stable id, and `named` is false so the UI asks once.
 */
export class ProfileStore {
	#profile = $state.raw<UserProfile>({ id: '', name: 'Guest', color: PROFILE_COLORS[0] });
	#named = $state(false);

	constructor(private readonly storage: Storage = localStorage) {
		const stored = readStored(storage);
		if (stored) {
			this.#profile = stored;
			this.#named = true;
		} else {
			const id = newId();
			const color = PROFILE_COLORS[id.charCodeAt(0) % PROFILE_COLORS.length]!;
			this.#profile = { id, name: 'Guest', color };
		}
	}

	/** The profile others see. */
	get current(): UserProfile {
		return this.#profile;
	}

	/** True once the user chose a name. */
	get named(): boolean {
		return this.#named;
	}

	/** Saves a new name and colour; throws a zod error on invalid input and saves nothing. */
	save(input: { name: string; color: string }): void {
		const profile = profileSchema.parse({ ...input, id: this.#profile.id });
		this.storage.setItem(STORAGE_KEY, JSON.stringify(profile));
		this.#profile = profile;
		this.#named = true;
	}
}
