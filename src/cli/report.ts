/** One filing's line in the demo report. */
export interface ReportRow {
  readonly [column: string]: string | number | boolean | null;
}

const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const formatCell = (value: string | number | boolean | null): string => {
  if (typeof value === 'boolean') return `<td>${value}</td>`;
  if (value === null) return '<td class="null">null</td>';
  if (typeof value === 'number') {
    const text = Number.isInteger(value) ? String(value) : value.toFixed(4);
    return `<td class="num">${text}</td>`;
  }
  return `<td>${escapeHtml(value)}</td>`;
};

const ZONE_COLOURS: Record<string, string> = { safe: '#2e7d32', grey: '#9e9e9e', distress: '#c62828' };

/** Horizontal bars of one numeric column per filing, as inline SVG (no scripts, no network). */
function barChart(rows: readonly ReportRow[], column: string, label: (row: ReportRow) => string): string {
  const values = rows.map((row) => (typeof row[column] === 'number' ? (row[column] as number) : null));
  const max = Math.max(1e-9, ...values.map((v) => Math.abs(v ?? 0)));
  const barHeight = 18;
  const labelWidth = 260;
  const width = 720;
  const half = (width - labelWidth) / 2;
  const bars = rows
    .map((row, i) => {
      const value = values[i] ?? null;
      const y = i * (barHeight + 6) + 4;
      const zone = typeof row.altman_zone === 'string' ? row.altman_zone : '';
      const colour =
        column === 'altman_z'
          ? (ZONE_COLOURS[zone] ?? '#607d8b')
          : value !== null && value < 0
            ? '#c62828'
            : '#1565c0';
      const length = value === null ? 0 : (Math.abs(value) / max) * (half - 40);
      const x = value !== null && value < 0 ? labelWidth + half - length : labelWidth + half;
      const text = value === null ? 'n/a' : value.toFixed(3);
      return [
        `<text x="${labelWidth - 6}" y="${y + 13}" text-anchor="end">${escapeHtml(label(row))}</text>`,
        `<rect x="${x.toFixed(1)}" y="${y}" width="${length.toFixed(1)}" height="${barHeight}" fill="${colour}"/>`,
        `<text x="${(value !== null && value < 0 ? x - 4 : x + length + 4).toFixed(1)}" y="${y + 13}" text-anchor="${value !== null && value < 0 ? 'end' : 'start'}">${text}${column === 'altman_z' && zone ? ` (${zone})` : ''}</text>`,
      ].join('');
    })
    .join('\n');
  const height = rows.length * (barHeight + 6) + 8;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12" role="img" aria-label="${escapeHtml(column)} per filing">
<line x1="${labelWidth + half}" y1="0" x2="${labelWidth + half}" y2="${height}" stroke="#999"/>
${bars}
</svg>`;
}

/**
 * Render the one-page demo report: a chart per selected score, the Altman Z with its zone
 * colour, and the full table. Self-contained HTML: inline CSS and SVG only.
 */
export function renderReport(
  rows: readonly ReportRow[],
  options: {
    readonly title: string;
    readonly columns: readonly string[];
    readonly charts: readonly string[];
    readonly notes?: readonly string[];
  },
): string {
  const label = (row: ReportRow): string =>
    `${String(row.ticker ?? row.company ?? '')} ${String(row.form_type ?? '')} ${String(row.filing_date ?? '')}`.trim();
  const charts = options.charts
    .map((column) => `<h2>${escapeHtml(column)}</h2>\n${barChart(rows, column, label)}`)
    .join('\n');
  const head = options.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${options.columns.map((c) => formatCell(row[c] ?? null)).join('')}</tr>`)
    .join('\n');
  const notes = (options.notes ?? []).map((n) => `<li>${escapeHtml(n)}</li>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(options.title)}</title>
<style>
body { font-family: sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; font-size: 12px; }
th, td { border: 1px solid #ccc; padding: 3px 6px; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.null { color: #999; font-style: italic; }
</style>
</head>
<body>
<h1>${escapeHtml(options.title)}</h1>
${notes ? `<ul>\n${notes}\n</ul>` : ''}
${charts}
<h2>Records</h2>
<table>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</body>
</html>
`;
}
