import { css } from 'lit';

/** The head of the imposition and kit screens: a centred column, the title and its line of intro. */
export const screenHead = css`
  :host { display: block; max-width: 1180px; margin: 0 auto; }
  h1 { font-size: 22px; margin: 0 0 6px; }
  .intro { margin: -2px 0 16px; }
`;
