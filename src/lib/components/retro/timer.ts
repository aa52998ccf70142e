/** Remaining time as m:ss, rounded up so "0:00" shows only once time is really up. */
export function formatRemaining(ms: number): string {
	const seconds = Math.max(0, Math.ceil(ms / 1000));
	return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** How much of the countdown has passed, 0 to 1; 0 when its start is unknown. */
export function elapsedFraction(startedAt: number | null, endsAt: number, now: number): number {
	if (startedAt === null || endsAt <= startedAt) return 0;
	return Math.min(1, Math.max(0, (now - startedAt) / (endsAt - startedAt)));
}

const SOUND_KEY = 'charter.retro.sound';

/** Whether this user wants a sound when a countdown ends (a per-device choice). */
export function soundWanted(storage: Storage): boolean {
	return storage.getItem(SOUND_KEY) === 'on';
}

/** Remembers whether this user wants a sound at zero. */
export function setSoundWanted(storage: Storage, wanted: boolean): void {
	storage.setItem(SOUND_KEY, wanted ? 'on' : 'off');
}

/** A short, soft two-note chime through Web Audio; silent where audio is unavailable. */
export function playChime(): void {
	try {
		const audio = new AudioContext();
		const notes = [660, 880];
		notes.forEach((frequency, i) => {
			const oscillator = audio.createOscillator();
			const gain = audio.createGain();
			oscillator.frequency.value = frequency;
			const start = audio.currentTime + i * 0.25;
			gain.gain.setValueAtTime(0.0001, start);
			gain.gain.exponentialRampToValueAtTime(0.15, start + 0.03);
			gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.6);
			oscillator.connect(gain).connect(audio.destination);
			oscillator.start(start);
			oscillator.stop(start + 0.65);
		});
		setTimeout(() => void audio.close(), 1500);
	} catch {
		// No audio here (autoplay policy or no device): the visual cue remains.
	}
}
