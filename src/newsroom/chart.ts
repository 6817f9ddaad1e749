/**
 * The desk's hour at a glance: readers connected (a line) and posts published (bars), a
 * point a minute, as SVG geometry. Pure, so the shape is tested without a browser.
 */
export interface MinutePoint {
  minute: string;
  readers: number;
  posts: number;
}

export interface ChartGeometry {
  width: number;
  height: number;
  /** SVG path data of the readers line ('' when there is no point). */
  readersPath: string;
  /** One bar per minute with posts. */
  bars: { x: number; y: number; width: number; height: number; minute: string; posts: number }[];
  maxReaders: number;
  totalPosts: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

export function chartGeometry(points: readonly MinutePoint[], width = 300, height = 60): ChartGeometry {
  const n = points.length;
  const maxReaders = Math.max(0, ...points.map((p) => p.readers));
  const maxPosts = Math.max(1, ...points.map((p) => p.posts));
  const step = n > 1 ? width / (n - 1) : 0;
  const top = 4; // room for the line's stroke at the peak
  const y = (readers: number) => round(height - (maxReaders > 0 ? (readers / maxReaders) * (height - top) : 0));
  const readersPath = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(i * step)} ${y(p.readers)}`).join(' ');
  const barWidth = Math.max(1, round(n > 0 ? width / n - 1 : 0));
  const bars = points.flatMap((p, i) => {
    if (p.posts <= 0) return [];
    const h = round(Math.max(3, (p.posts / maxPosts) * (height / 2)));
    return [{ x: round(Math.min(width - barWidth, Math.max(0, i * step - barWidth / 2))), y: round(height - h), width: barWidth, height: h, minute: p.minute, posts: p.posts }];
  });
  return { width, height, readersPath, bars, maxReaders, totalPosts: points.reduce((s, p) => s + p.posts, 0) };
}

/** The chart's words for assistive technology (and everyone's tooltip). */
export function chartSummary(points: readonly MinutePoint[]): string {
  const g = chartGeometry(points);
  const now = points[points.length - 1]?.readers ?? 0;
  return `Last hour: at most ${g.maxReaders} ${g.maxReaders === 1 ? 'reader' : 'readers'} at once (${now} in the last minute), ${g.totalPosts} new ${g.totalPosts === 1 ? 'post' : 'posts'}.`;
}
