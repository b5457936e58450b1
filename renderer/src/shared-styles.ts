import { css } from 'lit';

/** Controls shared by every element: labelled fields, buttons, a visible focus ring. */
export const controls = css`
  :host { font-family: var(--cs-font); color: var(--cs-text); }
  *, *::before, *::after { box-sizing: border-box; }
  button, select, input, textarea { font: inherit; color: inherit; }
  button {
    border: 1px solid var(--cs-blue); background: var(--cs-blue); color: #fff;
    border-radius: 6px; padding: 8px 16px; cursor: pointer; min-height: 36px;
  }
  button:hover { background: var(--cs-blue-dark); }
  button.secondary { background: #fff; color: var(--cs-blue); }
  button.secondary:hover { background: #eef3fb; }
  button:disabled { opacity: 0.55; cursor: default; }
  input[type='text'], input[type='number'], textarea, select {
    border: 1px solid var(--cs-border); border-radius: 6px; padding: 8px 10px; background: #fff; width: 100%;
  }
  textarea { resize: vertical; min-height: 64px; }
  label { display: block; font-weight: 600; margin-bottom: 6px; }
  :focus-visible, .focus-ring:focus {
    outline: 3px solid var(--cs-focus); outline-offset: 2px;
  }
  .muted { color: var(--cs-muted); font-size: 13px; }
  .error { color: var(--cs-red); white-space: pre-line; }
  h2 { font-size: 17px; margin: 0 0 12px; }
  .panel { background: var(--cs-surface); border: 1px solid var(--cs-border); border-radius: 10px; padding: 20px; }
`;

/**
 * A button that opens the file picker: the real <input type=file> lies over it, invisible, so the
 * picker opens from a click or the keyboard and the ring shows on the focused input's wrapper.
 * Markup: <span class="file-btn"><button tabindex="-1" aria-hidden="true">…</button><input type="file" aria-label="…"></span>
 */
export const fileButton = css`
  .file-btn { position: relative; }
  .file-btn input[type='file'] { position: absolute; inset: 0; opacity: 0; cursor: pointer; width: 100%; }
  .file-btn:focus-within { outline: 3px solid var(--cs-focus); outline-offset: 2px; border-radius: 6px; }
`;
