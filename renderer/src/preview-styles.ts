import { css } from 'lit';
import { controls } from './shared-styles.js';

/** The canvas's look (cs-preview): rulers, the checkered stage, the sheet, outlines and handles. */
export const previewStyles = [
  controls,
  css`
    :host { display: flex; flex-direction: column; min-height: 0; min-width: 0; background: var(--cs-surface); border: 1px solid var(--cs-border); border-radius: 10px; overflow: hidden; }
    .head { display: flex; align-items: center; gap: 8px 16px; flex-wrap: wrap; padding: 6px 10px; border-bottom: 1px solid var(--cs-border); }
    .tools { display: flex; align-items: center; gap: 6px; flex-wrap: wrap; }
    .tools button { min-height: 30px; padding: 2px 10px; }
    .tools .icon { width: 30px; padding: 0; font-size: 18px; line-height: 1; }
    .level { min-width: 52px; text-align: center; font-variant-numeric: tabular-nums; font-size: 14px; }
    .sep { width: 1px; align-self: stretch; background: var(--cs-border); margin: 0 4px; }
    .toggle { display: inline-flex; align-items: center; gap: 5px; font-weight: 400; margin: 0; font-size: 14px; cursor: pointer; }
    .toggle input { margin: 0; width: 16px; height: 16px; }
    .size { margin-left: auto; }
    .view { flex: 1; min-height: 0; display: grid; grid-template: 1fr / 1fr; position: relative; }
    .view.with-rulers { grid-template: 20px 1fr / 20px 1fr; }
    .corner { font-size: 9px; color: var(--cs-muted); display: grid; place-items: center; background: #f7f8fb; border: solid var(--cs-border); border-width: 0 1px 1px 0; }
    .rh { border-bottom: 1px solid var(--cs-border); }
    .rv { border-right: 1px solid var(--cs-border); }
    .stage {
      position: relative; overflow: auto; min-height: 0; padding: 32px; display: flex; outline-offset: -3px;
      background: repeating-conic-gradient(#e4e8ee 0 25%, #f4f6f9 0 50%) 0 0 / 20px 20px;
    }
    .view.with-rulers .stage { grid-area: 2 / 2; }
    .stage.panning, .stage.panning .sheet { cursor: grab; }
    .sheet { position: relative; margin: auto; flex: none; cursor: default; touch-action: none; }
    .sheet.hot { cursor: move; }
    .sheet img { position: absolute; display: block; user-select: none; -webkit-user-drag: none; }
    .sheet img.layer:first-child { box-shadow: 0 2px 10px rgba(0, 0, 0, 0.25); background: #fff; }
    /* Its own compositing layer: painting a new text layer over it does not rescale the photo again. */
    .photo { position: absolute; overflow: hidden; pointer-events: none; will-change: transform; }
    .ghost { opacity: 0.35; pointer-events: none; }
    .g, .sel, .snap, .marquee { position: absolute; pointer-events: none; }
    .trim { outline: 1px solid rgba(0, 0, 0, 0.55); }
    .bleed { border: 1px dashed #d4145a; }
    .safe { border: 1px dashed #00a0e9; }
    .hover { outline: 1px solid rgba(11, 61, 145, 0.7); }
    .sel { outline: 2px solid var(--cs-focus); box-shadow: 0 0 0 1px rgba(0, 0, 0, 0.45), inset 0 0 0 1px rgba(0, 0, 0, 0.45); }
    .sel.locked { outline-style: dashed; }
    .sel.crop { outline: 2px dashed #00a0e9; }
    .sel-tag {
      position: absolute; left: -2px; bottom: 100%; margin-bottom: 4px; white-space: nowrap;
      background: var(--cs-focus); color: #1b2430; font-size: 12px; line-height: 18px; padding: 0 6px; border-radius: 3px;
      display: inline-flex; gap: 3px; align-items: center;
    }
    .sel-tag svg { width: 12px; height: 12px; }
    .h, .rot { position: absolute; width: 10px; height: 10px; margin: -5px 0 0 -5px; background: #fff; border: 1.5px solid #0b3d91; border-radius: 2px; pointer-events: auto; }
    .h-nw { left: 0; top: 0; cursor: nwse-resize; }
    .h-n { left: 50%; top: 0; cursor: ns-resize; }
    .h-ne { left: 100%; top: 0; cursor: nesw-resize; }
    .h-e { left: 100%; top: 50%; cursor: ew-resize; }
    .h-se { left: 100%; top: 100%; cursor: nwse-resize; }
    .h-s { left: 50%; top: 100%; cursor: ns-resize; }
    .h-sw { left: 0; top: 100%; cursor: nesw-resize; }
    .h-w { left: 0; top: 50%; cursor: ew-resize; }
    .rot { left: 50%; top: -26px; border-radius: 50%; width: 14px; height: 14px; margin-left: -7px; cursor: grab; background: #ffb703; }
    .rot::after { content: ''; position: absolute; left: 5px; top: 13px; width: 1.5px; height: 11px; background: #0b3d91; }
    .snap { background: #e6007e; }
    .snap[data-snap='x'] { width: 1px; }
    .snap[data-snap='y'] { height: 1px; }
    .marquee { border: 1px solid #0b3d91; background: rgba(11, 61, 145, 0.08); }
    .loading { margin: auto; }
  `,
];
