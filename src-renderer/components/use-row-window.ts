import { useEffect, useState, type RefObject } from 'react';

export interface RowWindow {
  /** First rendered row (inclusive) and the end (exclusive), as indexes into the sorted rows. */
  start: number;
  end: number;
  windowed: boolean;
}

/** Books up to this size render every row: role queries and find-in-page see the whole table. */
export const WINDOWING_THRESHOLD = 300;
const OVERSCAN = 20;
const SNAP = 10; // move the window in steps so small scrolls do not re-render

/**
 * Simple vertical windowing for a table with fixed-height rows inside a scrolling container:
 * renders only the rows near the viewport (plus spacer rows for the rest).
 */
export function useRowWindow(
  count: number,
  rowHeight: number,
  containerRef: RefObject<HTMLElement | null>,
  bodyRef: RefObject<HTMLElement | null>,
): RowWindow {
  const windowed = count > WINDOWING_THRESHOLD;
  const [range, setRange] = useState({ start: 0, end: Math.min(count, 60) });

  useEffect(() => {
    const container = containerRef.current;
    if (!windowed || !container) return;
    let frame = 0;
    const measure = (): void => {
      frame = 0;
      const body = bodyRef.current;
      if (!body) return;
      const bodyTop = body.getBoundingClientRect().top - container.getBoundingClientRect().top + container.scrollTop;
      const visibleFrom = Math.max(0, container.scrollTop - bodyTop);
      const first = Math.floor(visibleFrom / rowHeight);
      const visibleRows = Math.ceil(container.clientHeight / rowHeight);
      const start = Math.max(0, Math.floor((first - OVERSCAN) / SNAP) * SNAP);
      const end = Math.min(count, Math.ceil((first + visibleRows + OVERSCAN) / SNAP) * SNAP);
      setRange((prev) => (prev.start === start && prev.end === end ? prev : { start, end }));
    };
    const schedule = (): void => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    container.addEventListener('scroll', schedule, { passive: true });
    const resize = new ResizeObserver(schedule);
    resize.observe(container);
    return () => {
      container.removeEventListener('scroll', schedule);
      resize.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [windowed, count, rowHeight, containerRef, bodyRef]);

  if (!windowed) return { start: 0, end: count, windowed };
  return { start: Math.min(range.start, count), end: Math.min(range.end, count), windowed };
}
