import { describe, expect, it } from 'vitest';
import {
	isRetroSection,
	sectionOfPath,
	shouldClaimFacilitation
} from '../../../src/lib/components/retro/retro-live.ts';

describe('following the facilitator', () => {
	it('reads the section from a board path', () => {
		expect(sectionOfPath('/b/abc/retro', '/b/abc')).toBe('retro');
		expect(sectionOfPath('/b/abc/actions/', '/b/abc')).toBe('actions');
		expect(sectionOfPath('/b/abc', '/b/abc')).toBe('');
	});

	it('only goes to sections a retro board has, whatever a peer announces', () => {
		expect(isRetroSection('retro')).toBe(true);
		expect(isRetroSection('actions')).toBe(true);
		expect(isRetroSection('people')).toBe(true);
		// A retro board has no Overview or risk register to send people to.
		expect(isRetroSection('')).toBe(false);
		expect(isRetroSection('risks')).toBe(false);
		expect(isRetroSection('../../evil')).toBe(false);
		expect(isRetroSection('https://example.com')).toBe(false);
	});
});

describe('shouldClaimFacilitation', () => {
	const fresh = { canEdit: true, facilitator: null, cards: 0, otherWriters: 0, othersPresent: 0 };

	it('lets the creator, alone on a fresh board nobody facilitates, claim it', () => {
		expect(shouldClaimFacilitation(fresh)).toBe(true);
	});

	it('never claims for a viewer, over a facilitator, or on a board already in use', () => {
		expect(shouldClaimFacilitation({ ...fresh, canEdit: false })).toBe(false);
		expect(shouldClaimFacilitation({ ...fresh, facilitator: 'someone' })).toBe(false);
		expect(shouldClaimFacilitation({ ...fresh, cards: 1 })).toBe(false);
		expect(shouldClaimFacilitation({ ...fresh, otherWriters: 1 })).toBe(false);
		expect(shouldClaimFacilitation({ ...fresh, othersPresent: 1 })).toBe(false);
	});
});
