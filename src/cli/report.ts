import { altmanModels } from '../finance/index.js';
import type { AltmanVariant } from '../index.js';
import { ALTMAN_INPUT_COLUMNS } from '../pipeline/columns.js';
import { SCORE_ATTRIBUTES } from '../score/index.js';

/** One filing's line in the report. */
export interface ReportRow {
  readonly [column: string]: string | number | boolean | null;
}

/** Options of {@link renderReport}. */
export interface ReportOptions {
  /** The page title. */
  readonly title: string;
  /**
   * The columns shown in each filing's details section, in order (default: every column of the
   * rows). The summary table and the charts have a fixed layout and do not depend on it.
   */
  readonly columns?: readonly string[];
  /** Accepted for compatibility; every one of the 11 scores is always charted. */
  readonly charts?: readonly string[];
  /** Lines shown under the title. */
  readonly notes?: readonly string[];
}

type Cell = string | number | boolean | null | undefined;

/** How a score is shown: its unit, the one-line meaning, and the chart's fixed range if any. */
interface ScoreInfo {
  readonly label: string;
  readonly unit: string;
  readonly meaning: string;
  readonly share: boolean;
  readonly range?: readonly [number, number];
}

const SHARE_MEANING: Record<string, string> = {
  negative: 'Share of MD&A words on the negative word list: losses, declines, adverse events.',
  positive: 'Share of MD&A words on the positive word list: gains, improvements, achievements.',
  certainty: 'Share of MD&A words that express certainty and commitment.',
  uncertainty: 'Share of MD&A words that express uncertainty: approximation, contingency, doubt.',
  risk: 'Share of MD&A words about risk and exposure.',
  safe: 'Share of MD&A words about safety, stability and protection.',
  fraud: 'Share of MD&A words about fraud and misconduct.',
  litigious: 'Share of MD&A words about litigation and legal process.',
};

/** The 11 scores, in the order of {@link SCORE_ATTRIBUTES}. */
export const REPORT_SCORES: readonly (ScoreInfo & { readonly column: string })[] = SCORE_ATTRIBUTES.map(
  (column) => {
    if (column in SHARE_MEANING) {
      return { column, label: column, unit: '% of words', meaning: SHARE_MEANING[column]!, share: true };
    }
    if (column === 'polarity') {
      return {
        column,
        label: 'polarity',
        unit: 'ratio, −1 to 1',
        meaning:
          '(positive − negative) ÷ (positive + negative) word counts: above 0, more positive than negative words.',
        share: false,
        range: [-1, 1] as const,
      };
    }
    if (column === 'sentiment') {
      return {
        column,
        label: 'sentiment',
        unit: 'VADER compound, −1 to 1',
        meaning:
          'VADER sentiment of the MD&A text (Hutto & Gilbert 2014): −1 most negative, +1 most positive.',
        share: false,
        range: [-1, 1] as const,
      };
    }
    return {
      column,
      label: 'readability',
      unit: 'Gunning fog, years of schooling',
      meaning: 'Gunning fog index (Gunning 1952): years of schooling a reader needs to follow the text.',
      share: false,
    };
  },
);

// The Altman inputs, and the working capital the TabText join adds.
const USD_COLUMNS = new Set([...ALTMAN_INPUT_COLUMNS, 'working_capital']);
const RATIO_COLUMNS = new Set(['wc_ta', 're_ta', 'ebit_ta', 'mve_tl', 'bve_tl', 'sales_ta', 'altman_z']);
const COUNT_COLUMNS = new Set(['word_count', 'sentence_count', 'mdna_chars', 'chars']);
const ZONE_COLORS: Record<string, string> = { safe: '#2e7d32', grey: '#757575', distress: '#c62828' };
const ZONE_FILLS: Record<string, string> = { safe: '#e8f5e9', grey: '#f2f2f2', distress: '#fdecea' };

const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const num = (value: Cell): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

const fixed = (value: number, digits: number): string =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A score for the table: shares as percent (2 decimals), ratios to 3 decimals, fog to 1. */
function formatScore(info: ScoreInfo, value: Cell): string {
  const x = num(value);
  if (x === null) return '';
  if (info.share) return fixed(x * 100, 2);
  if (info.label === 'readability') return fixed(x, 1);
  return fixed(x, 3);
}

/**
 * Any cell, formatted by its column: USD amounts in millions with separators, ratios to 3
 * decimals, counts as integers with separators, word-list shares in percent; missing is blank.
 *
 * @param column - The column name.
 * @param value - The cell.
 * @returns The text to show (`''` for a missing value).
 * @example
 * ```ts
 * formatValue('total_assets', 32348000000); // 'USD 32,348.0 m'
 * formatValue('wc_ta', 0.12345); // '0.123'
 * ```
 */
export function formatValue(column: string, value: Cell): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return '';
  if (USD_COLUMNS.has(column)) return `USD ${fixed(value / 1e6, 1)} m`;
  if (RATIO_COLUMNS.has(column)) return fixed(value, 3);
  if (COUNT_COLUMNS.has(column)) return Math.round(value).toLocaleString('en-US');
  const score = REPORT_SCORES.find((s) => s.column === column);
  if (score !== undefined) return `${formatScore(score, value)}${score.share ? ' %' : ''}`;
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

const text = (value: Cell): string => (value === null || value === undefined ? '' : String(value));

/** A row's short label for charts: ticker (or company, or CIK), form and date; never empty. */
function rowLabel(row: ReportRow, index: number): string {
  const who =
    text(row.ticker) || text(row.company) || text(row.entity) || (text(row.cik) && `CIK ${text(row.cik)}`);
  const when = text(row.filing_date) || text(row.date);
  const label = [who, text(row.form_type), when].filter((part) => part !== '').join(' ');
  return label === '' ? `row ${index + 1}` : label;
}

/** Round numbers for an axis: about `count` steps of 1, 2, 2.5 or 5 × 10^k covering the range. */
function ticks(min: number, max: number, count = 4): number[] {
  const span = max - min || Math.abs(max) || 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const out: number[] = [];
  for (let v = Math.floor(min / step) * step; v <= max + step * 1e-9; v += step) {
    out.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  }
  return out;
}

/** Width in px of `label` at `size` px sans-serif, on the generous side so nothing is clipped. */
const textWidth = (label: string, size: number): number => label.length * size * 0.62 + 4;

interface BarChartSpec {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  readonly values: readonly (number | null)[];
  readonly labels: readonly string[];
  readonly format: (x: number) => string;
  readonly colors?: readonly string[];
  readonly range?: readonly [number, number];
  /** Vertical bands behind the bars (Altman zones). */
  readonly bands?: readonly { from: number; to: number; fill: string; label: string }[];
  /** Dashed vertical lines with a label (cut-offs). */
  readonly marks?: readonly { at: number; label: string }[];
  readonly width: number;
}

/**
 * A horizontal bar chart as inline SVG: one bar per filing, a labeled x axis with ticks and its
 * unit, a y axis with every filing's label (sized so none is clipped), and the value at each bar.
 */
function barChart(spec: BarChartSpec): string {
  const size = 11;
  const rowHeight = 20;
  const top = spec.bands === undefined && spec.marks === undefined ? 8 : 24;
  const present = spec.values.filter((v): v is number => v !== null);
  let lo = spec.range?.[0] ?? Math.min(0, ...present);
  let hi = spec.range?.[1] ?? Math.max(0, ...present);
  for (const mark of spec.marks ?? []) {
    lo = Math.min(lo, mark.at);
    hi = Math.max(hi, mark.at * 1.15);
  }
  if (hi === lo) hi = lo + 1;
  const axis = ticks(lo, hi);
  lo = Math.min(lo, axis[0]!);
  hi = Math.max(hi, axis[axis.length - 1]!);
  const labelWidth = Math.ceil(Math.max(40, ...spec.labels.map((l) => textWidth(l, size))));
  const valueWidth = Math.ceil(Math.max(36, ...present.map((v) => textWidth(spec.format(v), size)))) + 6;
  const left = labelWidth + 8;
  const plot = Math.max(120, spec.width - left - valueWidth - 8);
  const width = left + plot + valueWidth + 8;
  const x = (v: number): number => left + ((v - lo) / (hi - lo)) * plot;
  const bottom = top + spec.values.length * rowHeight;
  const height = bottom + 40;
  const zero = x(Math.max(lo, Math.min(hi, 0)));
  const parts: string[] = [];
  for (const band of spec.bands ?? []) {
    const from = x(Math.max(lo, band.from));
    const to = x(Math.min(hi, band.to));
    if (to <= from) continue;
    parts.push(
      `<rect class="band" x="${from.toFixed(1)}" y="${top}" width="${(to - from).toFixed(1)}" height="${bottom - top}" fill="${band.fill}"/>`,
      `<text x="${((from + to) / 2).toFixed(1)}" y="${top - 8}" text-anchor="middle" fill="#555">${escapeHtml(band.label)}</text>`,
    );
  }
  spec.values.forEach((value, i) => {
    const y = top + i * rowHeight;
    const label = spec.labels[i]!;
    parts.push(
      `<text class="y-label" x="${left - 8}" y="${y + 14}" text-anchor="end">${escapeHtml(label)}</text>`,
    );
    if (value === null) {
      parts.push(
        `<text x="${(zero + 4).toFixed(1)}" y="${y + 14}" fill="#777" font-style="italic">no value</text>`,
      );
      return;
    }
    const from = value < 0 ? x(Math.max(value, lo)) : zero;
    const to = value < 0 ? zero : x(Math.min(value, hi));
    const length = Math.max(1, to - from);
    const color = spec.colors?.[i] ?? (value < 0 ? '#c62828' : '#1565c0');
    parts.push(
      `<rect class="bar" x="${from.toFixed(1)}" y="${y + 3}" width="${length.toFixed(1)}" height="${rowHeight - 6}" fill="${color}"><title>${escapeHtml(`${label}: ${spec.format(value)}`)}</title></rect>`,
    );
    parts.push(
      `<text class="value" x="${((value < 0 ? zero : from + length) + 4).toFixed(1)}" y="${y + 14}">${escapeHtml(spec.format(value))}</text>`,
    );
  });
  for (const mark of spec.marks ?? []) {
    const at = x(mark.at).toFixed(1);
    parts.push(
      `<line class="cut-off" x1="${at}" y1="${top}" x2="${at}" y2="${bottom}" stroke="#333" stroke-dasharray="4 3"/>`,
      `<text x="${at}" y="${bottom + 12}" text-anchor="middle" font-size="10" fill="#333">${escapeHtml(mark.label)}</text>`,
    );
  }
  const tickMarks = axis
    .map((t) => {
      const at = x(t).toFixed(1);
      return `<g class="tick"><line x1="${at}" y1="${bottom}" x2="${at}" y2="${bottom + 4}" stroke="#444"/><text x="${at}" y="${bottom + (spec.marks === undefined ? 15 : 24)}" text-anchor="middle">${escapeHtml(spec.format(t))}</text></g>`;
    })
    .join('');
  const axisY = bottom + (spec.marks === undefined ? 32 : 38);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height + (spec.marks === undefined ? 0 : 8)}" width="${width}" height="${height + (spec.marks === undefined ? 0 : 8)}" font-family="sans-serif" font-size="${size}" role="img" aria-labelledby="${spec.id}-title">
<title id="${spec.id}-title">${escapeHtml(`${spec.title} per filing (${spec.unit})`)}</title>
${parts.join('\n')}
<g class="y-axis"><line x1="${left}" y1="${top}" x2="${left}" y2="${bottom}" stroke="#444"/></g>
<line class="zero" x1="${zero.toFixed(1)}" y1="${top}" x2="${zero.toFixed(1)}" y2="${bottom}" stroke="#999"/>
<g class="x-axis"><line x1="${left}" y1="${bottom}" x2="${left + plot}" y2="${bottom}" stroke="#444"/>${tickMarks}<text class="axis-title" x="${(left + plot / 2).toFixed(1)}" y="${axisY}" text-anchor="middle" fill="#333">${escapeHtml(spec.unit)}</text></g>
</svg>`;
}

/** The variant most rows were scored with (cut-offs depend on it). */
function mainVariant(rows: readonly ReportRow[]): AltmanVariant | undefined {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const v = text(row.altman_variant);
    if (v in altmanModels && num(row.altman_z) !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return best?.[0] as AltmanVariant | undefined;
}

const VARIANT_NAMES: Record<string, string> = {
  original: 'Z (original, 1968)',
  z_prime: 'Z′ (private firms)',
  z_double_prime: 'Z″ (non-manufacturers, book equity)',
  z_double_prime_em: 'Z″ emerging markets',
};

function zonesSection(rows: readonly ReportRow[], labels: readonly string[]): string {
  const variant = mainVariant(rows);
  const model = variant === undefined ? undefined : altmanModels[variant];
  const values = rows.map((row) => num(row.altman_z));
  const chart = barChart({
    id: 'chart-altman-z',
    title: 'Altman Z',
    unit: variant === undefined ? 'Altman Z' : `Altman ${VARIANT_NAMES[variant] ?? variant}`,
    values,
    labels,
    format: (v) => fixed(v, 2),
    colors: rows.map((row) => ZONE_COLORS[text(row.altman_zone)] ?? '#607d8b'),
    width: 900,
    ...(model === undefined
      ? {}
      : {
          bands: [
            {
              from: Number.NEGATIVE_INFINITY,
              to: model.distressBelow,
              fill: ZONE_FILLS.distress!,
              label: 'distress',
            },
            { from: model.distressBelow, to: model.safeAbove, fill: ZONE_FILLS.grey!, label: 'grey' },
            { from: model.safeAbove, to: Number.POSITIVE_INFINITY, fill: ZONE_FILLS.safe!, label: 'safe' },
          ],
          marks: [
            { at: model.distressBelow, label: fixed(model.distressBelow, 2) },
            { at: model.safeAbove, label: fixed(model.safeAbove, 2) },
          ],
        }),
  });
  const cutOffs = (Object.keys(altmanModels) as AltmanVariant[])
    .map((v) => {
      const m = altmanModels[v];
      return `<tr${v === variant ? ' class="current"' : ''}><th scope="row">${escapeHtml(VARIANT_NAMES[v] ?? v)}</th><td class="num">below ${fixed(m.distressBelow, 2)}</td><td class="num">${fixed(m.distressBelow, 2)} – ${fixed(m.safeAbove, 2)}</td><td class="num">above ${fixed(m.safeAbove, 2)}</td></tr>`;
    })
    .join('\n');
  return `<section id="zones">
<h2>Altman Z and its zones</h2>
<p class="meaning">Altman's bankruptcy-risk score from the balance sheet and income statement (XBRL). Bars are colored by zone; dashed lines are the cut-offs of the variant used${variant === undefined ? '' : ` (${escapeHtml(VARIANT_NAMES[variant] ?? variant)})`}. A filing without a Z (no XBRL, a quarterly report) shows “no value”.</p>
<div class="zones">
<figure class="chart" id="fig-altman-z">${chart}</figure>
<table class="cut-offs">
<caption>Zone cut-offs by variant</caption>
<thead><tr><th scope="col">variant</th><th scope="col" class="distress">distress</th><th scope="col" class="grey">grey</th><th scope="col" class="safe">safe</th></tr></thead>
<tbody>
${cutOffs}
</tbody>
</table>
</div>
</section>`;
}

function summaryTable(rows: readonly ReportRow[]): string {
  const scoreHeads = REPORT_SCORES.map(
    (s) =>
      `<th scope="col" class="num" title="${escapeHtml(s.meaning)}">${escapeHtml(s.label)}<span class="unit">${escapeHtml(s.share ? '%' : s.label === 'readability' ? 'fog' : '−1…1')}</span></th>`,
  ).join('');
  const body = rows
    .map((row, i) => {
      const who = text(row.ticker) || text(row.company) || text(row.entity) || `row ${i + 1}`;
      const company = text(row.company) || text(row.entity);
      const cik = text(row.cik);
      const zone = text(row.altman_zone);
      const scores = REPORT_SCORES.map((s) => `<td class="num">${formatScore(s, row[s.column])}</td>`).join(
        '',
      );
      return `<tr><th scope="row" class="filing"><span class="ticker">${escapeHtml(who)}</span>${company && company !== who ? `<span class="company">${escapeHtml(company)}</span>` : ''}${cik ? `<span class="cik">CIK ${escapeHtml(cik)}</span>` : ''}</th><td>${escapeHtml(text(row.form_type))}</td><td class="date">${escapeHtml(text(row.filing_date) || text(row.date))}</td><td>${escapeHtml(text(row.mdna_status))}</td>${scores}<td class="num">${num(row.altman_z) === null ? '' : fixed(num(row.altman_z)!, 2)}</td><td>${zone ? `<span class="zone" style="color:${ZONE_COLORS[zone] ?? '#333'}">${escapeHtml(zone)}</span>` : ''}</td></tr>`;
    })
    .join('\n');
  return `<table class="summary">
<colgroup><col class="c-filing"><col class="c-form"><col class="c-date"><col class="c-mdna">${REPORT_SCORES.map(() => '<col class="c-score">').join('')}<col class="c-z"><col class="c-zone"></colgroup>
<thead><tr><th scope="col">filing</th><th scope="col">form type</th><th scope="col">filing date</th><th scope="col">MD&amp;A</th>${scoreHeads}<th scope="col" class="num">Altman Z</th><th scope="col">zone</th></tr></thead>
<tbody>
${body}
</tbody>
</table>
<p class="legend">Word-list scores are the percentage of the MD&amp;A's words on each list; polarity and sentiment run from −1 to 1; readability is the Gunning fog index (years of schooling). A blank cell has no value (no MD&amp;A found, or no XBRL for Altman Z).</p>`;
}

function scoreCharts(rows: readonly ReportRow[], labels: readonly string[]): string {
  const figures = REPORT_SCORES.map((s) => {
    const values = rows.map((row) => num(row[s.column]));
    const chart = barChart({
      id: `chart-${s.column}`,
      title: s.label,
      unit: s.unit,
      values: s.share ? values.map((v) => (v === null ? null : v * 100)) : values,
      labels,
      format: (v) => (s.share ? fixed(v, 2) : s.label === 'readability' ? fixed(v, 1) : fixed(v, 2)),
      ...(s.range === undefined ? {} : { range: s.range }),
      width: 420,
    });
    return `<figure class="chart" id="fig-${s.column}">
<figcaption><strong>${escapeHtml(s.label)}</strong> <span class="unit">(${escapeHtml(s.unit)})</span><br><span class="meaning">${escapeHtml(s.meaning)}</span></figcaption>
${chart}
</figure>`;
  }).join('\n');
  return `<section id="scores">
<h2>The 11 text scores of each MD&amp;A</h2>
<div class="grid">
${figures}
</div>
</section>`;
}

function detailsSection(
  rows: readonly ReportRow[],
  columns: readonly string[],
  labels: readonly string[],
): string {
  const blocks = rows
    .map((row, i) => {
      const items = columns
        .filter((c) => !(c === 'date' && text(row.date) !== '' && text(row.date) === text(row.filing_date)))
        .map((c) => `<dt>${escapeHtml(c)}</dt><dd>${escapeHtml(formatValue(c, row[c]))}</dd>`)
        .join('');
      return `<details><summary>${escapeHtml(labels[i]!)}${text(row.company) ? ` — ${escapeHtml(text(row.company))}` : ''}</summary><dl>${items}</dl></details>`;
    })
    .join('\n');
  return `<section id="details">
<h2>Details per filing</h2>
<p class="legend">Every column of the record; USD amounts in millions, ratios to 3 decimals, blank when missing.</p>
${blocks}
</section>`;
}

const STYLE = `*, *::before, *::after { box-sizing: border-box; }
body { font-family: sans-serif; color: #222; margin: 0 auto; padding: 16px 20px 40px; max-width: 1400px; }
h1 { font-size: 22px; margin: 8px 0; }
h2 { font-size: 17px; margin: 28px 0 8px; }
ul.notes { margin: 4px 0 0; padding-left: 18px; font-size: 13px; color: #444; }
table { border-collapse: collapse; }
table.summary { width: 100%; table-layout: fixed; font-size: 12px; }
table.summary th, table.summary td { border: 1px solid #d0d0d0; padding: 3px 4px; vertical-align: top; overflow-wrap: anywhere; }
table.summary thead th { background: #f4f6f8; font-size: 11px; text-align: left; }
table.summary thead th.num { text-align: right; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.unit { display: block; font-weight: normal; color: #666; font-size: 10px; }
th.filing { text-align: left; font-weight: normal; }
th.filing .ticker { display: block; font-weight: bold; }
th.filing .company, th.filing .cik { display: block; color: #555; font-size: 11px; }
col.c-filing { width: 11%; } col.c-form { width: 3.6%; } col.c-date { width: 6.6%; }
col.c-mdna { width: 5.6%; } col.c-score { width: 5.7%; } col.c-z { width: 4.8%; } col.c-zone { width: 4.7%; }
.zone { font-weight: bold; }
p.legend, p.meaning { font-size: 12px; color: #444; margin: 6px 0; }
.grid { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 14px 18px; }
figure.chart { margin: 0; min-width: 0; }
figure.chart svg { display: block; width: 100%; height: auto; max-width: 100%; }
figcaption { font-size: 12px; margin-bottom: 4px; }
figcaption .meaning { color: #555; }
.zones { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); gap: 18px; align-items: start; }
table.cut-offs { font-size: 12px; width: 100%; }
table.cut-offs caption { text-align: left; font-weight: bold; margin-bottom: 4px; }
table.cut-offs th, table.cut-offs td { border: 1px solid #d0d0d0; padding: 3px 6px; text-align: left; }
table.cut-offs tr.current { background: #fff8d6; }
th.distress { color: #c62828; } th.grey { color: #757575; } th.safe { color: #2e7d32; }
details { border: 1px solid #ddd; border-radius: 4px; margin: 6px 0; padding: 4px 8px; font-size: 12px; }
details summary { cursor: pointer; font-weight: bold; }
details dl { display: grid; grid-template-columns: minmax(0, 14em) minmax(0, 1fr); gap: 2px 12px; margin: 8px 0; }
details dt { color: #555; overflow-wrap: anywhere; }
details dd { margin: 0; overflow-wrap: anywhere; white-space: pre-wrap; max-height: 12em; overflow-y: auto; }
@media (max-width: 1100px) { .grid { grid-template-columns: repeat(2, minmax(0, 1fr)); } .zones { grid-template-columns: minmax(0, 1fr); } }`;

/**
 * Render the one-page report: a summary table that fits 1,400 px (identity, MD&A status, the 11
 * scores, Altman Z and zone), the Altman Z chart with its zones and cut-offs, small multiples of
 * the 11 scores (each with axes, ticks, unit and a one-line meaning), and every other column in a
 * details section per filing. Self-contained HTML: inline CSS and SVG, no scripts, no network.
 *
 * @param rows - One record per filing (TabText rows: ticker, cik, company, form_type, filing_date,
 *   mdna_status, the score columns, altman_z, altman_zone, and any others).
 * @param options - {@link ReportOptions}.
 * @returns The HTML document.
 * @example
 * ```ts
 * await writeFile('report.html', renderReport(rows, { title: 'MD&A scores and Altman Z' }));
 * ```
 */
export function renderReport(rows: readonly ReportRow[], options: ReportOptions): string {
  const labels = rows.map(rowLabel);
  const columns = options.columns ?? [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const notes = (options.notes ?? []).map((n) => `<li>${escapeHtml(n)}</li>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>
${STYLE}
</style>
</head>
<body>
<header>
<h1>${escapeHtml(options.title)}</h1>
${notes ? `<ul class="notes">\n${notes}\n</ul>` : ''}
</header>
<section id="summary">
<h2>Summary: ${rows.length} filing${rows.length === 1 ? '' : 's'}</h2>
${summaryTable(rows)}
</section>
${zonesSection(rows, labels)}
${scoreCharts(rows, labels)}
${detailsSection(rows, columns, labels)}
</body>
</html>
`;
}
