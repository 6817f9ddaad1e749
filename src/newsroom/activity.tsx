/** Readers connected now and the last hour of readers and posts, as a small inline SVG. */
import { chartGeometry, chartSummary } from './chart.js';
import type { PageActivity } from './types.js';

export function ActivityPanel({ activity }: { activity: PageActivity | null }) {
  if (!activity) return <p class="nr-activity nr-muted">Loading readers…</p>;
  const g = chartGeometry(activity.history, 300, 60);
  const summary = chartSummary(activity.history);
  return (
    <div class="nr-activity">
      <p class="nr-activity__now">
        <strong class="nr-activity__count">{activity.readers}</strong> {activity.readers === 1 ? 'reader' : 'readers'} connected now
      </p>
      <p class="nr-activity__note nr-muted">Everyone following the page live, open desks included.</p>
      <figure class="nr-chart">
        <svg viewBox={`0 0 ${g.width} ${g.height}`} preserveAspectRatio="none" role="img" aria-label={summary} class="nr-chart__svg">
          <title>{summary}</title>
          <line x1="0" y1={g.height - 0.5} x2={g.width} y2={g.height - 0.5} class="nr-chart__axis" />
          {g.bars.map((b) => (
            <rect key={b.minute} x={b.x} y={b.y} width={b.width} height={b.height} class="nr-chart__bar">
              <title>{`${b.minute.slice(11)}: ${b.posts} ${b.posts === 1 ? 'post' : 'posts'}`}</title>
            </rect>
          ))}
          {g.readersPath && <path d={g.readersPath} class="nr-chart__line" vector-effect="non-scaling-stroke" />}
        </svg>
        <figcaption class="nr-chart__legend">
          <span class="nr-chart__key nr-chart__key--line" aria-hidden="true" /> readers <span class="nr-chart__key nr-chart__key--bar" aria-hidden="true" /> posts · last 60 minutes
        </figcaption>
      </figure>
    </div>
  );
}
