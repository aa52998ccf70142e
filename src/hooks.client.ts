import { z } from 'zod';

// Zod compiles object parsers with `new Function` when it may. The app's Content-Security-Policy
// forbids eval (svelte.config.js, `kit.csp`), and even Zod's caught probe for it is reported as
// a violation: parse without compiling. Set here, before any route module builds a schema.
z.config({ jitless: true });
