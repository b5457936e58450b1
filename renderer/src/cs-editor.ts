import { LitElement, css, html } from 'lit';
import type { Design, PreflightReport } from '../../main/core/index.js';
import { slotsOf } from '../../main/core/design/design.js';
import { call, errorMessage } from './data/api-client.js';
import { controls } from './shared-styles.js';
import type { CsSlotForm } from './cs-slot-form.js';
import type { CsExportDialog } from './cs-export-dialog.js';
import './cs-slot-form.js';
import './cs-preview.js';
import './cs-slogan-assistant.js';
import './cs-preflight-list.js';
import './cs-export-dialog.js';

/** Preview requests: sent at once when idle, then at most one per this window (latest input wins). */
const PREVIEW_WINDOW_MS = 30;
const PREFLIGHT_DELAY_MS = 300;

/** One design being edited: slot form and slogan assistant beside the live preview. */
export class CsEditor extends LitElement {
  static override properties = {
    design: { attribute: false },
    svg: { state: true },
    report: { state: true },
    error: { state: true },
  };
  design!: Design;
  svg = '';
  report: PreflightReport | null = null;
  error = '';

  private inFlight = false;
  private dirty = false;
  private lastSent = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private preflightTimer: ReturnType<typeof setTimeout> | undefined;
  private preflightSeq = 0;

  static override styles = [
    controls,
    css`
      :host { display: block; }
      .top { display: flex; align-items: center; gap: 16px; margin-bottom: 20px; }
      .top h2 { margin: 0; font-size: 20px; flex: 1; }
      .layout { display: grid; grid-template-columns: minmax(320px, 420px) 1fr; gap: 24px; align-items: start; }
      .side { display: flex; flex-direction: column; gap: 20px; }
      .main { display: flex; flex-direction: column; gap: 20px; min-width: 0; }
      @media (max-width: 900px) { .layout { grid-template-columns: 1fr; } }
    `,
  ];

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('design') && changed.get('design') === undefined) {
      this.requestPreview();
      this.schedulePreflight(0);
    }
  }

  private requestPreview() {
    const wait = PREVIEW_WINDOW_MS - (performance.now() - this.lastSent);
    if (this.inFlight || wait > 0) {
      this.dirty = true;
      if (!this.inFlight && !this.timer) this.timer = setTimeout(() => { this.timer = undefined; this.flushPreview(); }, Math.max(0, wait));
      return;
    }
    void this.sendPreview();
  }

  private flushPreview() {
    if (this.dirty && !this.inFlight) {
      this.dirty = false;
      this.requestPreview();
    }
  }

  private async sendPreview() {
    this.inFlight = true;
    this.lastSent = performance.now();
    try {
      const { svg } = await call('previewSvg', { design: this.design });
      this.svg = svg;
      this.error = '';
    } catch (e) {
      this.error = errorMessage(e);
    } finally {
      this.inFlight = false;
      if (this.dirty) {
        this.dirty = false;
        this.requestPreview();
      }
    }
  }

  private schedulePreflight(delay = PREFLIGHT_DELAY_MS) {
    clearTimeout(this.preflightTimer);
    this.preflightTimer = setTimeout(async () => {
      const seq = ++this.preflightSeq;
      try {
        const report = await call('preflight', { design: this.design });
        if (seq === this.preflightSeq) this.report = report;
      } catch (e) {
        if (seq === this.preflightSeq) this.error = errorMessage(e);
      }
    }, delay);
  }

  private setSlot(elementId: string, value: string) {
    this.design = {
      ...this.design,
      elements: this.design.elements.map((el) => {
        if (el.id !== elementId) return el;
        if (el.type === 'text') return { ...el, text: value };
        if (el.type === 'qr') return { ...el, content: value };
        return el;
      }),
    };
    this.requestPreview();
    this.schedulePreflight();
  }

  private get sloganSlot() {
    return slotsOf(this.design).find((s) => s.name === 'slogan' && s.type === 'text');
  }

  private textOf(elementId: string): string {
    const el = this.design.elements.find((e) => e.id === elementId);
    return el?.type === 'text' ? el.text : el?.type === 'qr' ? el.content : '';
  }

  private selectElement(elementId: string) {
    const form = this.renderRoot.querySelector<CsSlotForm>('cs-slot-form');
    form?.focusSlot(elementId);
  }

  private openExport() {
    this.renderRoot.querySelector<CsExportDialog>('cs-export-dialog')?.open();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    clearTimeout(this.preflightTimer);
  }

  override render() {
    const slogan = this.sloganSlot;
    return html`
      <div class="top">
        <h2>${this.design.name}</h2>
        <button type="button" class="open-export" @click=${this.openExport}>导出…</button>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      <div class="layout">
        <div class="side">
          <cs-slot-form .design=${this.design} @slot-input=${(e: CustomEvent<{ elementId: string; value: string }>) => this.setSlot(e.detail.elementId, e.detail.value)}></cs-slot-form>
          ${slogan
            ? html`<cs-slogan-assistant .text=${this.textOf(slogan.elementId)}
                @slogan-insert=${(e: CustomEvent<{ text: string }>) => { this.setSlot(slogan.elementId, e.detail.text); this.selectElement(slogan.elementId); }}></cs-slogan-assistant>`
            : ''}
        </div>
        <div class="main">
          <cs-preview .svg=${this.svg} .widthMm=${this.design.format.widthMm} .heightMm=${this.design.format.heightMm}></cs-preview>
          <cs-preflight-list .report=${this.report} .design=${this.design} @finding-select=${(e: CustomEvent<{ elementId: string }>) => this.selectElement(e.detail.elementId)}></cs-preflight-list>
        </div>
      </div>
      <cs-export-dialog .design=${this.design}></cs-export-dialog>
    `;
  }
}
customElements.define('cs-editor', CsEditor);
