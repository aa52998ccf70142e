/**
 * Where the milestone timeline puts its labels: pixel arithmetic on the markers' positions and
 * the labels' measured widths, kept apart from the component so it can be tested without a DOM.
 *
 * A label sits in a lane below the track (lane 0 nearest it) and hangs from its marker on a
 * stem. A lone label is centred under its marker. Labels whose centred places would touch form
 * a cluster, drawn as a staircase: each label beside its stem, on the side with more room, one
 * lane lower than the last, so no label covers another or the stem of another.
 */

/** One label to place: its marker's position on the strip and the label's width, in px. */
export interface TimelineLabel {
	readonly at: number;
	readonly width: number;
}

/** Which side of its marker a label takes: centred under it, ending at it, or starting at it. */
export type LabelAnchor = 'middle' | 'end' | 'start';

/** Where one label goes. */
export interface LabelPlace {
	/** The label's left edge on the strip, in px. */
	readonly left: number;
	/** 0 is the lane nearest the track. */
	readonly lane: number;
	/** Whether the text is beside its stem (a flag) rather than under it. */
	readonly beside: boolean;
}

/** Options of placeLabels. */
export interface LabelLayoutOptions {
	/** The strip's width in px; every label stays inside it. */
	readonly width: number;
	/** Least space between two labels of one lane, in px. */
	readonly gap?: number;
	/** Space between a stem and a label's text beside it or a label it passes, in px. */
	readonly inset?: number;
	/** The most lanes the strip grows to. */
	readonly maxLanes?: number;
}

/** The labels' places, and how many lanes they take. */
export interface LabelLayout {
	/** Per label, in the order given: its place, or null when no lane has room for it. */
	readonly places: readonly (LabelPlace | null)[];
	readonly lanes: number;
}

interface Span {
	readonly left: number;
	readonly right: number;
}

/**
 * Places every label so that no two overlap and no stem crosses a label. A label that fits in
 * none of the `maxLanes` lanes gets null: its marker stays on the strip without words (the list
 * below the strip names every milestone).
 */
export function placeLabels(
	labels: readonly TimelineLabel[],
	{ width, gap = 8, inset = 4, maxLanes = 5 }: LabelLayoutOptions
): LabelLayout {
	const lanes = new Lanes(maxLanes, gap, inset);
	const places: (LabelPlace | null)[] = labels.map(() => null);
	const spanOf = (index: number, anchor: LabelAnchor) =>
		labelSpan(labels[index]!, anchor, width, inset);
	for (const cluster of clusters(labels, width, gap, inset)) {
		const anchor: LabelAnchor =
			cluster.length === 1 ? 'middle' : meanAt(labels, cluster) > width / 2 ? 'end' : 'start';
		// A staircase descends away from the side its text is on, so stems pass the labels above.
		const sequence = anchor === 'start' ? [...cluster].reverse() : cluster;
		for (const index of sequence) {
			const { at } = labels[index]!;
			const found = lanes.place(
				at,
				[anchor, ...ANCHORS.filter((other) => other !== anchor)].map((a) => spanOf(index, a))
			);
			if (found)
				places[index] = {
					left: found.left,
					lane: found.lane,
					beside: at < found.left || at > found.right
				};
		}
	}
	return { places, lanes: lanes.used };
}

const ANCHORS: readonly LabelAnchor[] = ['middle', 'end', 'start'];

// The labels, by position, in runs whose centred places touch one another.
function clusters(
	labels: readonly TimelineLabel[],
	width: number,
	gap: number,
	inset: number
): number[][] {
	const byPosition = labels.map((_, index) => index).sort((a, b) => labels[a]!.at - labels[b]!.at);
	const runs: number[][] = [];
	let reach = -Infinity;
	for (const index of byPosition) {
		const span = labelSpan(labels[index]!, 'middle', width, inset);
		if (runs.length > 0 && span.left < reach + gap) runs[runs.length - 1]!.push(index);
		else runs.push([index]);
		reach = Math.max(reach, span.right);
	}
	return runs;
}

function meanAt(labels: readonly TimelineLabel[], cluster: readonly number[]): number {
	return cluster.reduce((sum, index) => sum + labels[index]!.at, 0) / cluster.length;
}

// A label's extent for an anchor, moved inside the strip when it would stick out.
function labelSpan(
	{ at, width: labelWidth }: TimelineLabel,
	anchor: LabelAnchor,
	width: number,
	inset: number
): Span {
	const wanted =
		anchor === 'middle'
			? at - labelWidth / 2
			: anchor === 'end'
				? at - inset - labelWidth
				: at + inset;
	const left = Math.max(0, Math.min(wanted, width - labelWidth));
	return { left, right: left + labelWidth };
}

// What each lane holds: the labels in it, and the stems that pass through it to lower lanes.
class Lanes {
	readonly #labels: Span[][];
	readonly #stems: number[][];
	readonly #gap: number;
	readonly #inset: number;
	used = 0;

	constructor(count: number, gap: number, inset: number) {
		this.#labels = Array.from({ length: Math.max(1, count) }, () => []);
		this.#stems = Array.from({ length: Math.max(1, count) }, () => []);
		this.#gap = gap;
		this.#inset = inset;
	}

	/** Takes the first lane where one of `spans` (in order of preference) fits, with its stem. */
	place(at: number, spans: readonly Span[]): (Span & { lane: number }) | null {
		for (const span of spans) {
			for (let lane = 0; lane < this.#labels.length; lane++) {
				if (!this.#fits(lane, at, span)) continue;
				this.#labels[lane]!.push(span);
				for (let above = 0; above < lane; above++) this.#stems[above]!.push(at);
				this.used = Math.max(this.used, lane + 1);
				return { ...span, lane };
			}
		}
		return null;
	}

	#fits(lane: number, at: number, span: Span): boolean {
		const apart = (other: Span) =>
			span.right + this.#gap <= other.left || other.right + this.#gap <= span.left;
		const clearOf = (stem: number, label: Span) =>
			stem <= label.left - this.#inset || stem >= label.right + this.#inset;
		if (!this.#labels[lane]!.every(apart)) return false;
		if (!this.#stems[lane]!.every((stem) => clearOf(stem, span))) return false;
		for (let above = 0; above < lane; above++) {
			if (!this.#labels[above]!.every((label) => clearOf(at, label))) return false;
		}
		return true;
	}
}
