import type { UserState } from '@lexical/yjs';

/** Where a rich-text field reports its users to be, as in the board's presence: `{ section, id }`. */
export interface FieldFocus {
	readonly section: string;
	readonly id: string;
}

const COLOR = /^#[0-9a-f]{6}$/i;
const FALLBACK_COLOR = '#6b7280';
const MAX_NAME = 60;

/**
 * The awareness states whose carets a field shows: the other people whose presence focus is this
 * field and whose editor has focus.
 *
 * Every field of a board shares one awareness, and so one `anchorPos`/`focusPos` per person:
 * filtering on the presence focus keeps a person's caret in the one field they are in. Names
 * colours and caret positions come from peers, so they are bounded and checked here before they
 * reach the DOM or Yjs.
 */
export function peerCursorStates(
	states: ReadonlyMap<number, unknown>,
	localClientId: number,
	field: FieldFocus
): Map<number, UserState> {
	const shown = new Map<number, UserState>();
	for (const [clientId, state] of states) {
		if (clientId === localClientId || !isRecord(state)) continue;
		if (state.focusing !== true || !isFocusOn(state.focus, field)) continue;
		shown.set(clientId, {
			...state,
			name: typeof state.name === 'string' ? state.name.slice(0, MAX_NAME) : 'Someone',
			color:
				typeof state.color === 'string' && COLOR.test(state.color) ? state.color : FALLBACK_COLOR,
			focusing: true,
			anchorPos: relativePosition(state.anchorPos),
			focusPos: relativePosition(state.focusPos),
			awarenessData: isRecord(state.awarenessData) ? state.awarenessData : {}
		});
	}
	return shown;
}

/** True when a presence focus value points at `field`. */
export function isFocusOn(focus: unknown, field: FieldFocus): boolean {
	return isRecord(focus) && focus.section === field.section && focus.id === field.id;
}

/**
 * A caret position as it arrives through awareness (a Y.RelativePosition turned into JSON), or
 * null when it is not one. Positions in a field always point into a nested type by id: a root
 * type name (`tname`) would make Yjs look up, or even create, a top-level type, so it is refused.
 */
function relativePosition(value: unknown): UserState['anchorPos'] {
	if (!isRecord(value)) return null;
	const { type, tname, item, assoc } = value;
	const nullish = (part: unknown) => part === null || part === undefined;
	if (!nullish(tname) || !(nullish(type) || isItemId(type)) || !(nullish(item) || isItemId(item)))
		return null;
	if (!(assoc === undefined || Number.isInteger(assoc))) return null;
	return value as unknown as UserState['anchorPos'];
}

function isItemId(value: unknown): boolean {
	return (
		isRecord(value) &&
		Number.isSafeInteger(value.client) &&
		Number.isSafeInteger(value.clock) &&
		(value.client as number) >= 0 &&
		(value.clock as number) >= 0
	);
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
