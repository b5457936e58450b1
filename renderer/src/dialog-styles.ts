import { css } from 'lit';

/** The studio's modal dialogs (export, publish, recovery): one look, the width set by each. */
export const dialogStyles = css`
  dialog { border: none; border-radius: 12px; padding: 0; width: min(520px, 92vw); box-shadow: 0 12px 40px rgba(0, 0, 0, 0.3); }
  dialog::backdrop { background: rgba(8, 20, 45, 0.45); }
  dialog > header { background: var(--cs-blue); color: #fff; padding: 14px 24px; font-weight: 700; font-size: 17px; }
`;
