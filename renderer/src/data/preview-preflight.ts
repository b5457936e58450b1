import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PreviewGeometry } from '../../../main/core/api.js';
import type { StudioDesign } from '../../../main/core/design/design.js';
import type { PreflightReport } from '../../../main/core/preflight.js';
import { call, errorMessage } from './api-client.js';
import { previewNamingKnownLayers, type Preview } from './preview-answers.js';
import { LatestWins } from './preview-scheduler.js';
import { rememberDesign } from './recent.js';
import type { DesignSession } from './session.js';

/** Preflight waits for a pause in typing; it finds the preview's scene on the main side. */
const PREFLIGHT_DELAY_MS = 300;
/** The recent designs' entry (with its picture) follows a pause in the work. */
const RECENT_DELAY_MS = 1500;

/** The editor as the main side's answers need it: its session and the parts that show them. */
export interface PreviewPreflightHost extends ReactiveControllerHost {
  readonly session: DesignSession | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The session's design changed (an edit, undo, redo): after the preview went out. */
  designChanged(): void;
}

/**
 * What the main side says about the open design, kept current as it changes: the live preview
 * (latest edit wins; its layers and geometry go straight to the canvas and the style panel, with no
 * redraw of the editor), the preflight report after a pause in the work, the error of either, and
 * the design's entry among the recent designs. Listens to the host's session while connected.
 */
export class PreviewPreflightController implements ReactiveController {
  /** Each element's place and fitted size in the preview on screen. */
  geometry: ReadonlyMap<string, PreviewGeometry> = new Map();
  report: PreflightReport | null = null;
  error = '';
  private subscribed: DesignSession | undefined;
  private preflightTimer: ReturnType<typeof setTimeout> | undefined;
  private recentTimer: ReturnType<typeof setTimeout> | undefined;
  private preflightSeq = 0;

  /** The live preview: latest edit wins, sent as soon as the previous preview is back. */
  private readonly previews = new LatestWins<StudioDesign, Preview>(
    previewNamingKnownLayers((input) => call('previewSvg', input)),
    ({ layers, elements }, made) => {
      this.geometry = new Map(elements.map((g) => [g.id, g]));
      const root = this.host.renderRoot;
      const preview = root.querySelector('cs-preview');
      if (preview) {
        void preview.show(layers, made);
        preview.geometry = this.geometry;
      }
      const style = root.querySelector('cs-style-panel');
      if (style) style.geometry = this.geometry;
      if (this.error) this.setError('');
    },
    (e) => this.setError(errorMessage(e)),
  );

  constructor(private readonly host: PreviewPreflightHost) {
    host.addController(this);
  }

  /** Follows the host's session if it is another than the one followed; true when it changed. */
  follow(): boolean {
    const session = this.host.session;
    if (!session || session === this.subscribed) return false;
    this.subscribed?.removeEventListener('change', this.onChange);
    this.subscribed = session;
    session.addEventListener('change', this.onChange);
    this.previews.request(session.design);
    this.schedulePreflight(0);
    return true;
  }

  hostConnected(): void {
    // Back on the editor tab after another screen: same session, listen again.
    this.follow();
  }

  hostDisconnected(): void {
    this.subscribed?.removeEventListener('change', this.onChange);
    this.subscribed = undefined;
    this.previews.clear();
    clearTimeout(this.preflightTimer);
    clearTimeout(this.recentTimer);
  }

  /** After a pause, the design goes to the start screen's recent designs with a picture of it. */
  readonly remember = (): void => {
    clearTimeout(this.recentTimer);
    this.recentTimer = setTimeout(() => {
      const s = this.subscribed;
      if (s) void rememberDesign(s.id, s.design, this.host.renderRoot.querySelector('cs-preview')?.thumbnail());
    }, RECENT_DELAY_MS);
  };

  // The preview goes out first, in the same task as the edit: the latency budget is 50 ms.
  private readonly onChange = () => {
    const s = this.subscribed;
    if (!s) return;
    this.previews.request(s.design);
    this.schedulePreflight();
    this.host.designChanged();
  };

  private schedulePreflight(delay = PREFLIGHT_DELAY_MS) {
    clearTimeout(this.preflightTimer);
    this.preflightTimer = setTimeout(async () => {
      const design = this.subscribed?.design;
      if (!design) return;
      const seq = ++this.preflightSeq;
      try {
        const report = await call('preflight', { design });
        if (seq === this.preflightSeq) {
          this.report = report;
          this.host.requestUpdate();
        }
      } catch (e) {
        if (seq === this.preflightSeq) this.setError(errorMessage(e));
      }
    }, delay);
  }

  private setError(message: string) {
    this.error = message;
    this.host.requestUpdate();
  }
}
