import { LitElement, css, html, nothing, svg } from 'lit';
import type { LibraryStats } from '../../main/core/library-search.js';
import { call, errorMessage, saveDownload, upload } from './data/api-client.js';
import { monthSeries, monthTitle, niceAxis, topBars, type Bar } from './data/library-charts.js';
import { sizeText } from './data/library-client.js';
import { fraudLabels, kindLabels } from './data/library-labels.js';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import { controls } from './shared-styles.js';

const t = defineMessages({
  perMonth: { zh: '每月发布数量', en: 'Samples published per month' },
  month: { zh: '{m}月', en: '{mon}' },
  noData: { zh: '暂无数据', en: 'No data yet' },
  byKind: { zh: '按类型', en: 'By kind' },
  byFraud: { zh: '按诈骗类型', en: 'By fraud type' },
  byUnit: { zh: '按发布单位', en: 'By unit' },
  other: { zh: '其他（{n} 项）', en: 'Others ({n})' },
  unfilled: { zh: '（未填）', en: '(not filled)' },
  pngFailed: { zh: 'PNG 编码失败', en: 'PNG encoding failed' },
  reportTitle: { zh: '反诈宣传物料统计', en: 'Anti-fraud campaign material statistics' },
  reportSub: {
    zh: '截至 {y}年{m}月{d}日 · 共 {n} 个样本 · 反诈物料工作室',
    en: 'As of {y}-{mm}-{dd} · {n} samples · Anti-Fraud Campaign Studio',
  },
  fileName: { zh: '素材统计-{month}.png', en: 'library-statistics-{ym}.png' },
  exported: { zh: '已导出 {name}（{size}）', en: 'Exported {name} ({size})' },
  exportFailed: { zh: '导出图片失败：{why}', en: 'Could not export the image: {why}' },
  counting: { zh: '正在统计…', en: 'Counting…' },
  heading: { zh: '素材统计', en: 'Library statistics' },
  making: { zh: '正在生成图片…', en: 'Making the image…' },
  export: { zh: '导出为图片（PNG）', en: 'Export as image (PNG)' },
  samples: { zh: '样本', en: 'Samples' },
  trash: { zh: '回收站', en: 'In trash' },
  files: { zh: '文件', en: 'Files' },
  space: { zh: '占用空间', en: 'Disk space' },
  table: { zh: '查看数据表', en: 'Show the numbers as tables' },
});
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/*
 * Charts are our own SVG markup, drawn with lit `svg` templates (user text only ever as text
 * nodes). Everything that shapes them is an attribute, not CSS, so the same <svg> serialised and
 * drawn on a canvas for the PNG looks exactly like the screen: the PNG is made in the page from
 * these charts and handed to the main side (upload → libraryStatsImage → download/save dialog).
 */
const FONT = '"Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';
const BLUE = '#0b3d91';
const RED = '#c8102e';
const INK = '#1b2430';
const MUTED = '#5b6675';
const GRID = '#d5dbe5';
const W = 560;

const short = (s: string, n: number) => ([...s].length > n ? `${[...s].slice(0, n - 1).join('')}…` : s);

/** Samples per month: vertical bars, the count on each, month under it and the year at each January. */
function monthChart(bars: Bar[], width = W * 2) {
  const h = 300;
  const left = 44;
  const top = 48;
  const bottom = 54;
  const plotW = width - left - 16;
  const plotH = h - top - bottom;
  const axis = niceAxis(Math.max(0, ...bars.map((b) => b.value)));
  const slot = bars.length ? plotW / bars.length : plotW;
  const bw = Math.max(4, Math.min(36, slot * 0.7));
  const y = (v: number) => top + plotH - (v / axis.top) * plotH;
  return svg`<svg xmlns="http://www.w3.org/2000/svg" class="chart" data-chart="month" viewBox="0 0 ${width} ${h}" width=${width} height=${h} font-family=${FONT} role="img" aria-labelledby="t-month">
    <title id="t-month">${t('perMonth')}</title>
    <rect width=${width} height=${h} fill="#ffffff"></rect>
    <text x="0" y="22" font-size="18" font-weight="700" fill=${INK}>${t('perMonth')}</text>
    ${axis.values.map(
      (v) => svg`<line x1=${left} x2=${width - 16} y1=${y(v)} y2=${y(v)} stroke=${GRID} stroke-width="1"></line>
      <text x=${left - 8} y=${y(v) + 4} font-size="12" text-anchor="end" fill=${MUTED}>${v}</text>`,
    )}
    ${bars.map((b, i) => {
      const x = left + i * slot + (slot - bw) / 2;
      const [yy, mm] = b.key.split('-');
      return svg`<rect x=${x} y=${y(b.value)} width=${bw} height=${Math.max(0, top + plotH - y(b.value))} fill=${BLUE} rx="2"></rect>
        ${b.value ? svg`<text x=${x + bw / 2} y=${y(b.value) - 5} font-size="12" text-anchor="middle" fill=${INK}>${b.value}</text>` : nothing}
        <text x=${x + bw / 2} y=${top + plotH + 18} font-size="12" text-anchor="middle" fill=${MUTED}>${t('month', { m: Number(mm), mon: MONTHS_EN[Number(mm) - 1] ?? mm ?? '' })}</text>
        ${i === 0 || mm === '01' ? svg`<text x=${x + bw / 2} y=${top + plotH + 36} font-size="12" text-anchor="middle" fill=${INK} font-weight="700">${yy}</text>` : nothing}`;
    })}
    ${bars.length ? nothing : svg`<text x=${width / 2} y=${h / 2} font-size="14" text-anchor="middle" fill=${MUTED}>${t('noData')}</text>`}
  </svg>`;
}

/** A ranking: horizontal bars with the label on the left and the count at the end. */
function barChart(id: string, title: string, bars: Bar[], colour = BLUE, width = W) {
  const row = 28;
  const top = 40;
  const labelW = 176;
  const h = top + Math.max(1, bars.length) * row + 8;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const plotW = width - labelW - 56;
  return svg`<svg xmlns="http://www.w3.org/2000/svg" class="chart" data-chart=${id} viewBox="0 0 ${width} ${h}" width=${width} height=${h} font-family=${FONT} role="img" aria-labelledby="t-${id}">
    <title id="t-${id}">${title}</title>
    <rect width=${width} height=${h} fill="#ffffff"></rect>
    <text x="0" y="22" font-size="18" font-weight="700" fill=${INK}>${title}</text>
    ${bars.map((b, i) => {
      const y = top + i * row;
      const w = Math.max(2, (b.value / max) * plotW);
      return svg`<text x=${labelW - 10} y=${y + 18} font-size="14" text-anchor="end" fill=${INK}>${short(b.label, 12)}</text>
        <rect x=${labelW} y=${y + 5} width=${w} height=${row - 10} fill=${b.key ? colour : '#8a94a6'} rx="2"></rect>
        <text x=${labelW + w + 6} y=${y + 18} font-size="13" fill=${INK}>${b.value}</text>`;
    })}
    ${bars.length ? nothing : svg`<text x=${width / 2} y=${top + 18} font-size="14" text-anchor="middle" fill=${MUTED}>${t('noData')}</text>`}
  </svg>`;
}

/** A data table for each chart (screen readers, and anyone who wants the numbers). */
function table(caption: string, bars: Bar[]) {
  return html`<table><caption>${caption}</caption><tbody>${bars.map((b) => html`<tr><th scope="row">${b.label}</th><td>${b.value}</td></tr>`)}</tbody></table>`;
}

/** Draw an SVG document on a canvas and give back PNG bytes. */
async function svgToPng(svgText: string, width: number, height: number, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((ok, fail) =>
      canvas.toBlob((b) => (b ? ok(b) : fail(new Error(t('pngFailed')))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * Statistics of the library: samples per month, by kind, by fraud type and by unit, as charts,
 * with a button that saves them as one PNG for the monthly report.
 */
export class CsLibraryStats extends LitElement {
  static override properties = {
    stats: { state: true },
    error: { state: true },
    busy: { state: true },
    message: { state: true },
  };
  stats: LibraryStats | null = null;
  error = '';
  busy = false;
  message = '';
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    css`
      :host { display: block; overflow-y: auto; min-height: 0; }
      .head { display: flex; align-items: center; gap: 16px; flex-wrap: wrap; margin-bottom: 12px; }
      .head h2 { margin: 0; }
      .head .spacer { flex: 1; }
      .numbers { display: flex; gap: 24px; flex-wrap: wrap; margin: 0 0 16px; }
      .numbers div { background: #fff; border: 1px solid var(--cs-border); border-radius: 10px; padding: 10px 18px; }
      .numbers b { display: block; font-size: 24px; color: var(--cs-blue); font-variant-numeric: tabular-nums; }
      .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(480px, 1fr)); gap: 16px; }
      .card { background: #fff; border: 1px solid var(--cs-border); border-radius: 10px; padding: 14px; }
      .card.wide { grid-column: 1 / -1; }
      svg.chart { width: 100%; height: auto; display: block; }
      details { margin-top: 16px; }
      table { border-collapse: collapse; margin: 8px 16px 8px 0; display: inline-table; vertical-align: top; font-size: 14px; }
      caption { text-align: left; font-weight: 700; }
      th, td { border: 1px solid var(--cs-border); padding: 2px 8px; text-align: left; font-weight: normal; }
      .ok { color: var(--cs-ok); }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  async load() {
    try {
      this.stats = await call('libraryStats', {});
    } catch (e) {
      this.error = errorMessage(e);
    }
  }

  private series(s: LibraryStats) {
    const other = (n: number) => t('other', { n });
    return {
      month: monthSeries(s.byMonth, 24),
      kind: topBars(s.byKind, kindLabels(), 8, other),
      fraud: topBars(s.byFraudType, fraudLabels(), 11, other),
      unit: topBars(s.byUnit, { '（未填）': t('unfilled') }, 10, other),
    };
  }

  /** The four charts and a heading as one SVG document, then a PNG through a canvas; saved via the main side. */
  async exportPng() {
    if (!this.stats) return;
    this.busy = true;
    this.error = '';
    this.message = '';
    try {
      const charts = [...this.renderRoot.querySelectorAll('svg.chart')] as SVGSVGElement[];
      const width = 1200;
      const margin = 40;
      const ns = 'http://www.w3.org/2000/svg';
      const doc = document.createElementNS(ns, 'svg');
      doc.setAttribute('xmlns', ns);
      doc.setAttribute('font-family', FONT);
      const bg = document.createElementNS(ns, 'rect');
      bg.setAttribute('fill', '#ffffff');
      bg.setAttribute('width', '100%');
      bg.setAttribute('height', '100%');
      doc.append(bg);
      const text = (x: number, y: number, size: number, content: string, fill = INK, weight = '400') => {
        const t = document.createElementNS(ns, 'text');
        for (const [k, v] of Object.entries({ x, y, 'font-size': size, fill, 'font-weight': weight }))
          t.setAttribute(k, String(v));
        t.textContent = content;
        doc.append(t);
      };
      const now = new Date();
      const p2 = (n: number) => String(n).padStart(2, '0');
      text(margin, 56, 30, t('reportTitle'), RED, '700');
      text(
        margin,
        90,
        16,
        t('reportSub', {
          y: now.getFullYear(),
          m: now.getMonth() + 1,
          d: now.getDate(),
          mm: p2(now.getMonth() + 1),
          dd: p2(now.getDate()),
          n: this.stats.total,
        }),
        MUTED,
      );
      let y = 120;
      const inner = width - 2 * margin;
      // The month chart across the page, then the rankings two by two.
      const place = (c: SVGSVGElement, x: number, w: number) => {
        const [, , vw, vh] = c.getAttribute('viewBox')!.split(' ').map(Number) as [number, number, number, number];
        const h = (w / vw) * vh;
        const copy = c.cloneNode(true) as SVGSVGElement;
        copy.removeAttribute('class');
        for (const [k, v] of Object.entries({ x, y, width: w, height: h })) copy.setAttribute(k, String(v));
        doc.append(copy);
        return h;
      };
      // Wide charts (months, units) across the page; the narrow rankings two by two.
      const half = (inner - 24) / 2;
      let pending: SVGSVGElement | null = null;
      const flush = () => {
        if (pending) y += place(pending, margin, half) + 24;
        pending = null;
      };
      for (const c of charts) {
        const wide = Number(c.getAttribute('width')) > W;
        if (wide) {
          flush();
          y += place(c, margin, inner) + 24;
        } else if (pending) {
          y += Math.max(place(pending, margin, half), place(c, margin + half + 24, half)) + 24;
          pending = null;
        } else pending = c;
      }
      flush();
      const height = Math.ceil(y + 16);
      doc.setAttribute('width', String(width));
      doc.setAttribute('height', String(height));
      doc.setAttribute('viewBox', `0 0 ${width} ${height}`);
      const png = await svgToPng(new XMLSerializer().serializeToString(doc), width, height, 1.5);
      const fileName = t('fileName', { month: monthTitle(now), ym: `${now.getFullYear()}-${p2(now.getMonth() + 1)}` });
      const up = await upload(new File([png], fileName, { type: 'image/png' }));
      const r = await call('libraryStatsImage', { uploadId: up.uploadId, fileName });
      if (await saveDownload(r.downloadId))
        this.message = t('exported', { name: r.fileName, size: sizeText(png.size) });
    } catch (e) {
      this.error = e instanceof Error && !('code' in e) ? t('exportFailed', { why: e.message }) : errorMessage(e);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const s = this.stats;
    if (!s)
      return html`${this.error ? html`<p class="error" role="alert">${this.error}</p>` : html`<p class="muted">${t('counting')}</p>`}`;
    const d = this.series(s);
    return html`
      <div class="head">
        <h2>${t('heading')}</h2>
        <span class="spacer"></span>
        <button type="button" class="export-png" ?disabled=${this.busy || s.total === 0} @click=${this.exportPng}>${this.busy ? t('making') : t('export')}</button>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.message ? html`<p class="ok" role="status">${this.message}</p>` : nothing}
      <div class="numbers">
        <div>${t('samples')}<b class="n-total">${s.total}</b></div>
        <div>${t('trash')}<b>${s.trashed}</b></div>
        <div>${t('files')}<b>${s.files}</b></div>
        <div>${t('space')}<b>${sizeText(s.bytes)}</b></div>
      </div>
      <div class="charts">
        <div class="card wide">${monthChart(d.month)}</div>
        <div class="card">${barChart('kind', t('byKind'), d.kind)}</div>
        <div class="card">${barChart('fraud', t('byFraud'), d.fraud, RED)}</div>
        <div class="card wide">${barChart('unit', t('byUnit'), d.unit, BLUE, W * 2)}</div>
      </div>
      <details>
        <summary>${t('table')}</summary>
        ${table(t('perMonth'), d.month)} ${table(t('byKind'), d.kind)} ${table(t('byFraud'), d.fraud)} ${table(t('byUnit'), d.unit)}
      </details>
    `;
  }
}
customElements.define('cs-library-stats', CsLibraryStats);

declare global {
  interface HTMLElementTagNameMap {
    'cs-library-stats': CsLibraryStats;
  }
}
