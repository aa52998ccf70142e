import { createContext } from 'svelte';
import type { BoardSession } from './board-session.svelte.ts';
import type { Presence } from './presence.svelte.ts';
import type { ProfileStore } from './profile.svelte.ts';
import type { SinceLastLooked } from './since-last-looked.svelte.ts';
import type { BoardView } from '../board/views/board-view.svelte.ts';
import type { BoardUndo } from '../board/views/undo.svelte.ts';

/**
 * What a board's components share, created by the board layout: the session (doc, sync,
 * rights), the reactive view, presence of the others, and this user's undo.
 */
export interface BoardContext {
	boardId: string;
	session: BoardSession;
	view: BoardView;
	presence: Presence;
	undo: BoardUndo;
}

/** Reads and provides the open board. */
export const [getBoardContext, setBoardContext] = createContext<BoardContext>();

/** Reads and provides this browser's profile, created by the root layout. */
export const [getProfileContext, setProfileContext] = createContext<ProfileStore>();

/**
 * Reads and provides what changed since this browser last showed the board (created by the
 * board shell); `hasSinceContext` is false where no board is open, e.g. a saved version alone.
 */
export const [getSinceContext, setSinceContext, hasSinceContext] = createContext<SinceLastLooked>();
