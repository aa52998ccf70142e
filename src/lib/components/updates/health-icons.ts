import type { Component } from 'svelte';
import type { LucideProps } from '@lucide/svelte';
import CircleCheck from '@lucide/svelte/icons/circle-check';
import CircleX from '@lucide/svelte/icons/circle-x';
import TriangleAlert from '@lucide/svelte/icons/triangle-alert';
import type { UpdateHealth } from '$lib/board/updates/model.ts';

/** Each health value's icon, so it is told apart by shape as well as colour and words. */
export const HEALTH_ICONS: Readonly<Record<UpdateHealth, Component<LucideProps>>> = {
	'on-track': CircleCheck,
	'at-risk': TriangleAlert,
	'off-track': CircleX
};
