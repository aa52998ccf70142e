import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	placeLabels,
	type LabelLayout,
	type TimelineLabel
} from '../../../src/lib/components/milestones/timeline-labels.ts';

const options = { width: 300, gap: 8, inset: 4, maxLanes: 5 };

/** Every pair of placed labels that overlap: two labels of one lane closer than nothing. */
function overlaps(labels: readonly TimelineLabel[], layout: LabelLayout): [number, number][] {
	const found: [number, number][] = [];
	layout.places.forEach((a, i) =>
		layout.places.forEach((b, j) => {
			if (!a || !b || j <= i || a.lane !== b.lane) return;
			const apart = a.left + labels[i]!.width <= b.left || b.left + labels[j]!.width <= a.left;
			if (!apart) found.push([i, j]);
		})
	);
	return found;
}

/** Every label a stem passes on its way down from the track to a lower lane. */
function crossedStems(labels: readonly TimelineLabel[], layout: LabelLayout): [number, number][] {
	const found: [number, number][] = [];
	layout.places.forEach((stem, i) =>
		layout.places.forEach((label, j) => {
			if (!stem || !label || label.lane >= stem.lane) return;
			const at = labels[i]!.at;
			if (at > label.left && at < label.left + labels[j]!.width) found.push([i, j]);
		})
	);
	return found;
}

describe('placeLabels', () => {
	it('centres a lone label under its marker, in the lane nearest the track', () => {
		const layout = placeLabels([{ at: 150, width: 60 }], options);
		expect(layout).toEqual({ places: [{ left: 120, lane: 0, beside: false }], lanes: 1 });
	});

	it('keeps labels far apart side by side in one lane', () => {
		const labels = [
			{ at: 40, width: 60 },
			{ at: 150, width: 60 },
			{ at: 260, width: 60 }
		];
		const layout = placeLabels(labels, options);
		expect(layout.lanes).toBe(1);
		expect(layout.places.map((place) => place?.left)).toEqual([10, 120, 230]);
	});

	it('moves a label at an end of the strip inside it', () => {
		const layout = placeLabels(
			[
				{ at: 0, width: 80 },
				{ at: 300, width: 80 }
			],
			options
		);
		expect(layout.places.map((place) => place?.left)).toEqual([0, 220]);
	});

	it('stairs four close labels near the end down to the left of their markers', () => {
		// Four milestones a day or two apart, a month after today: all near the right end.
		const labels = [270, 279, 288, 300].map((at) => ({ at, width: 88 }));
		const layout = placeLabels(labels, options);
		expect(layout.places).toEqual([
			{ left: 178, lane: 0, beside: true },
			{ left: 187, lane: 1, beside: true },
			{ left: 196, lane: 2, beside: true },
			{ left: 208, lane: 3, beside: true }
		]);
		expect(overlaps(labels, layout)).toEqual([]);
		expect(crossedStems(labels, layout)).toEqual([]);
	});

	it('stairs close labels near the start down to the right of their markers', () => {
		const labels = [10, 20, 30].map((at) => ({ at, width: 88 }));
		const layout = placeLabels(labels, options);
		expect(layout.places.map((place) => place?.lane)).toEqual([2, 1, 0]);
		expect(layout.places.map((place) => place?.left)).toEqual([14, 24, 34]);
		expect(crossedStems(labels, layout)).toEqual([]);
	});

	it('keeps a lone label centred beside a staircase of close ones', () => {
		const labels = [
			{ at: 140, width: 50 },
			{ at: 160, width: 50 },
			{ at: 270, width: 30 }
		];
		const layout = placeLabels(labels, options);
		expect(layout.places).toEqual([
			{ left: 144, lane: 1, beside: true },
			{ left: 164, lane: 0, beside: true },
			{ left: 255, lane: 0, beside: false }
		]);
		expect(overlaps(labels, layout)).toEqual([]);
	});

	it('leaves out the labels that fit in no lane, and never grows past maxLanes', () => {
		const labels = Array.from({ length: 8 }, () => ({ at: 150, width: 100 }));
		const layout = placeLabels(labels, { ...options, maxLanes: 3 });
		expect(layout.lanes).toBe(3);
		// Each lane holds two: one on either side of the markers' shared stem.
		expect(layout.places.filter((place) => place === null)).toHaveLength(2);
		expect(overlaps(labels, layout)).toEqual([]);
	});

	it('never overlaps two labels nor lets a stem cross a label, whatever the positions', () => {
		const label = fc.record({
			at: fc.integer({ min: 0, max: 300 }),
			width: fc.integer({ min: 10, max: 144 })
		});
		fc.assert(
			fc.property(fc.array(label, { maxLength: 12 }), (labels) => {
				const layout = placeLabels(labels, options);
				expect(overlaps(labels, layout)).toEqual([]);
				expect(crossedStems(labels, layout)).toEqual([]);
				for (const place of layout.places) {
					if (!place) continue;
					expect(place.left).toBeGreaterThanOrEqual(0);
					expect(place.lane).toBeLessThan(layout.lanes);
				}
			})
		);
	});
});
