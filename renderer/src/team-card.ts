import { css, html, type TemplateResult } from 'lit';
import { teamThumbnailPath } from '../../main/core/resource-paths.js';
import type { TeamSample } from '../../main/core/team.js';
import { resourceUrl } from './data/api-client.js';
import { kindLabel } from './data/library-labels.js';
import { statusName } from './data/team-store.js';
import { defineMessages } from './i18n/i18n.js';

const t = defineMessages({
  by: { zh: '{unit} · {author}', en: '{unit} · {author}' },
  comment: { zh: '审核意见（{reviewer}）：', en: 'Reviewer’s comment ({reviewer}): ' },
  noThumb: { zh: '无缩略图', en: 'No thumbnail' },
});

/** One team sample as the team tabs show it: thumbnail, title, who, review status, the comment. */
export function teamCard(s: TeamSample, actions: TemplateResult | string = ''): TemplateResult {
  const thumb = s.files.find((f) => f.role === 'thumbnail');
  return html`<li class="card" data-team-id=${s.id} data-status=${s.status}>
    <div class="thumb">${thumb ? html`<img alt="" loading="lazy" src=${resourceUrl(teamThumbnailPath(s.id, thumb.sha256))}>` : html`<span class="muted">${t('noThumb')}</span>`}</div>
    <div class="meta">
      <div class="title">${s.title}</div>
      <div class="muted">${kindLabel(s.kind)} · ${s.publishedAt}</div>
      <div class="muted">${t('by', { unit: s.unit, author: s.author })}</div>
      <span class="status ${s.status}">${statusName(s.status)}</span>
      ${s.reviewComment ? html`<p class="comment">${t('comment', { reviewer: s.reviewer ?? '' })}${s.reviewComment}</p>` : ''}
      ${actions}
    </div>
  </li>`;
}

export const teamCardStyles = css`
  ul.cards { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); gap: 16px; }
  li.card { background: #fff; border: 1px solid var(--cs-border); border-radius: 10px; overflow: hidden; display: flex; flex-direction: column; }
  .thumb { height: 150px; display: flex; align-items: center; justify-content: center; background: #e9edf3; padding: 8px; }
  .thumb img { max-width: 100%; max-height: 100%; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); }
  .meta { padding: 10px 12px; display: grid; gap: 4px; }
  .title { font-weight: 700; }
  .status { justify-self: start; font-size: 12px; font-weight: 700; border-radius: 10px; padding: 1px 10px; }
  .status.draft { background: #eceff3; color: #4a5568; }
  .status.submitted { background: #fff4d6; color: #8a5a00; }
  .status.approved { background: #dff3e4; color: #1e6b34; }
  .status.rejected { background: #fde2e1; color: #a4161a; }
  .comment { margin: 4px 0 0; font-size: 13px; background: #fff7f6; border-left: 3px solid var(--cs-red); padding: 6px 8px; white-space: pre-line; }
`;
