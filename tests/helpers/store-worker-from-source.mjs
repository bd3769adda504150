// Starts the store worker from its TypeScript source (tests run without a build): registers tsx's
// loader inside this worker thread, then loads the real entry, which reads workerData as usual.
import { register } from 'tsx/esm/api';

register();
await import('../../src-main/workspace/store-worker.ts');
