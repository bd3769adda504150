/** Runs `electron-vite build` when out/ is missing or older than any source file. */
export function buildIfStale(root: string): void;
