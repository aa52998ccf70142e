import { createContext } from 'svelte';
import type { BoardSession } from '../../sync/board-session.svelte.ts';
import type { BoardView } from './board-view.svelte.ts';

/** What a board's components share: its session (doc, sync, rights) and its reactive view. */
export interface BoardContext {
	session: BoardSession;
	view: BoardView;
}

/** Reads and provides the open board, created by the board route. */
export const [getBoardContext, setBoardContext] = createContext<BoardContext>();
