import { css } from 'lit';
import { controls } from './shared-styles.js';

/** The editor's frame (cs-editor): the top bar, the canvas and the tabbed side panels. */
export const editorStyles = [
  controls,
  css`
    :host { display: flex; flex-direction: column; height: 100%; min-height: 0; gap: 8px; }
    .top { display: flex; align-items: center; gap: 8px 14px; flex-wrap: wrap; }
    .name { flex: 0 1 auto; width: auto; field-sizing: content; min-width: 12em; max-width: 60vw; font-size: 18px; font-weight: 700; padding: 4px 8px; border-color: transparent; background: transparent; }
    .name:hover, .name:focus { border-color: var(--cs-border); background: #fff; }
    .state { font-size: 13px; white-space: nowrap; }
    .state.unsaved { color: var(--cs-warn); font-weight: 700; }
    .autosave { font-size: 13px; }
    .tools { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
    .tools button { padding: 4px 12px; min-height: 34px; }
    .tools .sep { width: 1px; align-self: stretch; background: var(--cs-border); margin: 0 4px; }
    .tools .grow { flex: 1; }
    p.error { margin: 0; }
    .work { flex: 1; min-height: 0; display: grid; grid-template-columns: minmax(0, 1fr) 380px; gap: 12px; }
    .work.collapsed { grid-template-columns: minmax(0, 1fr) 44px; }
    cs-preview { min-height: 0; }
    aside { display: flex; flex-direction: column; min-height: 0; background: var(--cs-surface); border: 1px solid var(--cs-border); border-radius: 10px; overflow: hidden; }
    .tabs { display: flex; border-bottom: 1px solid var(--cs-border); flex: none; }
    .work.collapsed .tabs { flex-direction: column; border: 0; }
    .work.collapsed .tab { display: none; }
    .work.collapsed aside { align-self: start; }
    .tab { flex: 1; border: 0; border-radius: 0; background: #fff; color: var(--cs-text); min-height: 40px; padding: 4px 6px; font-weight: 600; }
    .tab:hover { background: #eef3fb; }
    .tab[aria-selected='true'] { color: var(--cs-blue); box-shadow: inset 0 -3px 0 var(--cs-blue); }
    .badge { display: inline-block; margin-left: 4px; background: var(--cs-red); color: #fff; border-radius: 9px; font-size: 11px; line-height: 18px; min-width: 18px; padding: 0 5px; }
    .collapse { border: 0; border-radius: 0; background: #fff; color: var(--cs-muted); width: 42px; min-height: 40px; padding: 0; }
    .pane { flex: 1; min-height: 0; overflow: auto; padding: 14px; display: flex; flex-direction: column; gap: 16px; }
    .pane > * { flex: none; }
    @media (max-width: 1100px) { .work { grid-template-columns: minmax(0, 1fr) 320px; } }
  `,
];
