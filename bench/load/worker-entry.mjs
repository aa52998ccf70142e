// A worker thread does not inherit the tsx loader the bench runs under: register it here, in
// plain JavaScript, then load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
