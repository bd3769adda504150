// Vitest global setup: build the app once before any test file starts a web shell. Without it the
// e2e files, running in parallel workers on a fresh clone, would each start a build into the same
// out/ folder and trip over each other.
import { buildIfStale } from '../../scripts/build-if-stale.mjs';
import { REPO_ROOT } from './web-shell-process';

export default function setup(): void {
  buildIfStale(REPO_ROOT);
}
