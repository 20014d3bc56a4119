import type { TrendPoint } from '../../../domain/trend';

/** Small inline SVG bars: visits per month, and the share of households reached so far. */
export function TrendChart({ points }: { points: TrendPoint[] }) {
  const max = Math.max(1, ...points.map((p) => p.visits));
  const w = 40;
  const h = 90;
  const label = points
    .map((p) => `${monthLabel(p.month)}: ${p.visits} lượt, ${reached(p)} hộ đã được thăm`)
    .join('; ');
  return (
    <figure className="trend">
      <svg
        viewBox={`0 0 ${points.length * w} ${h + 30}`}
        role="img"
        aria-label={`Xu hướng theo tháng. ${label}`}
        width="100%"
        height="140"
      >
        {points.map((p, i) => {
          const bh = Math.round((p.visits / max) * h);
          const share = p.households ? p.householdsReached / p.households : 0;
          return (
            <g key={p.month}>
              <rect x={i * w + 8} y={h - bh} width={w - 16} height={bh} className="trend-bar" />
              <circle cx={i * w + w / 2} cy={h - share * h} r={3} className="trend-dot" />
              <text x={i * w + w / 2} y={h + 14} textAnchor="middle" fontSize="10">
                {p.month.slice(5)}/{p.month.slice(2, 4)}
              </text>
              <text x={i * w + w / 2} y={h + 26} textAnchor="middle" fontSize="9">
                {p.visits}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">
        Cột: lượt hướng dẫn trong tháng · chấm: tỷ lệ hộ đã được thăm đến cuối tháng
      </figcaption>
    </figure>
  );
}

function monthLabel(month: string): string {
  return `tháng ${Number(month.slice(5))}/${month.slice(0, 4)}`;
}

function reached(p: TrendPoint): number {
  return p.householdsReached;
}
