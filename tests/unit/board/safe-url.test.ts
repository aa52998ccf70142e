import { describe, expect, it } from 'vitest';
import { isSafeLinkUrl, LINK_RULES, readLinkInput } from '../../../src/lib/board/safe-url.ts';

describe('isSafeLinkUrl', () => {
	it.each([
		'https://example.com/',
		'http://intranet.example:8080/plan?q=1#top',
		'mailto:pm@example.com'
	])('accepts %s', (url) => {
		expect(isSafeLinkUrl(url)).toBe(true);
	});

	it.each([
		'javascript:alert(1)',
		'JavaScript:alert(1)',
		' javascript:alert(1)',
		'java\tscript:alert(1)',
		'java\u0000script:alert(1)',
		'data:text/html,<script>alert(1)</script>',
		'vbscript:msgbox(1)',
		'tel:+123',
		'/relative/path',
		'#anchor',
		'example.com',
		'https://',
		'mailto:',
		'',
		null,
		42
	])('refuses %j', (url) => {
		expect(isSafeLinkUrl(url)).toBe(false);
	});
});

describe('readLinkInput', () => {
	it('keeps a full web address, normalised', () => {
		expect(readLinkInput('  https://Example.com/Plan ')).toEqual({
			ok: true,
			url: 'https://example.com/Plan'
		});
	});

	it('makes a bare host a https address and a bare email address a mailto link', () => {
		expect(readLinkInput('example.com/roadmap')).toEqual({
			ok: true,
			url: 'https://example.com/roadmap'
		});
		expect(readLinkInput('pm@example.com')).toEqual({ ok: true, url: 'mailto:pm@example.com' });
	});

	it('refuses other schemes and explains which ones are accepted', () => {
		expect(readLinkInput('javascript:alert(1)')).toEqual({ ok: false, message: LINK_RULES });
		expect(readLinkInput('ftp://example.com')).toEqual({ ok: false, message: LINK_RULES });
		expect(readLinkInput('just some words').ok).toBe(false);
		expect(readLinkInput('').ok).toBe(false);
	});
});
