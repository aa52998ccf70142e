/**
 * How every Playwright run here launches Debian's Chromium (Playwright never downloads a browser
 * on this machine): the end-to-end tests, `npm run figures:board` and `npm run screenshots`.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Chromium's own browser UI that headless mode still builds: each new browser window (every
 * Playwright context) preloads the omnibox popup as a WebUI page, in a renderer of its own,
 * which cost 2–3 s of CPU per context on this 2-core machine (a Chromium trace of one fresh open,
 * chrome://omnibox-popup.top-chrome), more than the Charter page itself. No test looks at it.
 */
const CHROMIUM_UI_FEATURES_OFF = [
	'WebUIOmniboxPopup',
	'WebUIOmniboxAimPopup',
	'WebUIOmniboxFullPopup',
	'PreloadTopChromeWebUI'
];

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	`--disable-features=${CHROMIUM_UI_FEATURES_OFF.join(',')}`
];

export const CHROMIUM_LAUNCH = { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS };
