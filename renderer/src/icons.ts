import { svg } from 'lit';

/*
 * The few icons the editor draws, as inline SVG (no icon font, no emoji: many Linux desktops and
 * intranet PCs have no colour-emoji font). 16 px, in the text colour.
 */
const icon = (d: ReturnType<typeof svg>) =>
  svg`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round">${d}</svg>`;

export const eyeIcon = icon(
  svg`<path d="M1.5 8s2.4-4.5 6.5-4.5S14.5 8 14.5 8s-2.4 4.5-6.5 4.5S1.5 8 1.5 8z"/><circle cx="8" cy="8" r="2"/>`,
);
export const eyeOffIcon = icon(
  svg`<path d="M1.5 8s2.4-4.5 6.5-4.5S14.5 8 14.5 8s-2.4 4.5-6.5 4.5S1.5 8 1.5 8z"/><path d="M2.5 13.5l11-11"/>`,
);
export const lockIcon = icon(
  svg`<rect x="3" y="7" width="10" height="7" rx="1.5"/><path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2"/>`,
);
export const unlockIcon = icon(
  svg`<rect x="3" y="7" width="10" height="7" rx="1.5"/><path d="M5.5 7V5a2.5 2.5 0 0 1 4.9-.7"/>`,
);
