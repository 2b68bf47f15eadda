import type { EventStats } from '../api/types';

/**
 * Sales and check-ins per ticket type as horizontal bars: sold, held and free stacked to the capacity, and
 * checked-in under it. Each bar part is labelled with its number, and the same numbers are in the table.
 */
export function SalesChart({ stats }: { stats: EventStats }) {
  const barHeight = 22;
  const gap = 44;
  const labelWidth = 140;
  const width = 560;
  const height = stats.ticketTypes.length * (barHeight * 2 + gap) + 20;
  return (
    <figure>
      <svg role="img" aria-labelledby="chart-caption" viewBox={`0 0 ${labelWidth + width + 10} ${height}`} style={{ width: '100%', maxWidth: 760 }}>
        <defs>
          <pattern id="held-stripes" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#fff3c4" />
            <rect width="2" height="6" fill="#b58900" />
          </pattern>
        </defs>
        {stats.ticketTypes.map((t, i) => {
          const y = 10 + i * (barHeight * 2 + gap);
          const scale = t.capacity > 0 ? width / t.capacity : 0;
          const soldW = t.sold * scale;
          const heldW = t.held * scale;
          return (
            <g key={t.ticketTypeId}>
              <text x={0} y={y + 16} fontSize="14" fontWeight="700">{t.name}</text>
              <rect x={labelWidth} y={y} width={width} height={barHeight} fill="#fff" stroke="#555" />
              <rect x={labelWidth} y={y} width={soldW} height={barHeight} fill="#14213d" />
              <rect x={labelWidth + soldW} y={y} width={heldW} height={barHeight} fill="url(#held-stripes)" />
              <text x={labelWidth + 4} y={y + barHeight + 14} fontSize="12">
                sold {t.sold} · held {t.held} · free {t.available} of {t.capacity}
              </text>
              <rect x={labelWidth} y={y + barHeight + 20} width={t.checkedIn * scale} height={barHeight / 2} fill="#2e7d32" />
              <text x={labelWidth + 4} y={y + barHeight * 2 + 20} fontSize="12">checked in {t.checkedIn}</text>
            </g>
          );
        })}
      </svg>
      <figcaption id="chart-caption">
        Sales per ticket type: dark bar sold, striped bar held (awaiting payment), white free; green bar checked in.
      </figcaption>
      <table>
        <caption className="visually-hidden">Sales and check-ins per ticket type</caption>
        <thead>
          <tr>
            <th scope="col">Ticket type</th><th scope="col">Capacity</th><th scope="col">Sold</th><th scope="col">Held</th>
            <th scope="col">Available</th><th scope="col">Checked in</th>
          </tr>
        </thead>
        <tbody>
          {stats.ticketTypes.map((t) => (
            <tr key={t.ticketTypeId} data-testid={`stats-${t.name}`}>
              <th scope="row">{t.name}</th><td>{t.capacity}</td><td>{t.sold}</td><td>{t.held}</td><td>{t.available}</td><td>{t.checkedIn}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
