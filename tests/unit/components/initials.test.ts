import { describe, expect, it } from 'vitest';
import { avatarInitials } from '../../../src/lib/components/board/initials.ts';

describe('avatar initials', () => {
	it('are the first letters of the first and last words, or of the one word', () => {
		expect(avatarInitials(['Ada Lovelace', 'Grace', 'José María García'])).toEqual([
			'AL',
			'G',
			'JG'
		]);
	});

	it('leave out punctuation and what is in brackets', () => {
		expect(avatarInitials(['Tess (TPM)', '  "Omar"  ', 'Li [ops]', 'Zoë-Ann O’Neil'])).toEqual([
			'T',
			'O',
			'L',
			'ZO'
		]);
	});

	it('differ for people whose usual initials are the same', () => {
		expect(avatarInitials(['Maria Gonzalez', 'Mark Green', 'Max'])).toEqual(['MG', 'MA', 'M']);
		expect(avatarInitials(['Sam', 'Sara', 'Sid'])).toEqual(['S', 'SA', 'SI']);
	});

	it('show something for a name with no letters', () => {
		expect(avatarInitials(['(TPM)', '---'])).toEqual(['T', '?']);
	});
});
