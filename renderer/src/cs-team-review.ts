import { LitElement, css, html } from 'lit';
import type { HistoryEntry, TeamSample } from '../../main/core/team.js';
import { call, errorMessage } from './data/api-client.js';
import { isReviewer, refreshTeam, TeamController } from './data/team-store.js';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import { controls } from './shared-styles.js';
import { teamCard, teamCardStyles } from './team-card.js';

const t = defineMessages({
  queue: { zh: '待审核', en: 'Waiting for review' },
  mine: { zh: '本单位的提交', en: 'My unit’s submissions' },
  queueIntro: {
    zh: '各单位提交的作品。通过后全市可见；退回时请写明要改什么，意见会送回作者。',
    en: 'Work submitted by the stations. Approved work is visible city-wide; when returning, say what to change.',
  },
  mineIntro: {
    zh: '本单位的草稿、待审核和被退回的作品。被退回的，按意见修改后在「团队库」里重新提交（选择它作为修改稿）。',
    en: 'Your unit’s drafts, submissions and returned work. Fix a returned one and submit it again from the Team library tab.',
  },
  comment: { zh: '审核意见', en: 'Comment' },
  commentHint: { zh: '退回时必填：写明要改什么', en: 'Required when returning: what to change' },
  approve: { zh: '通过并发布', en: 'Approve and publish' },
  reject: { zh: '退回修改', en: 'Return for changes' },
  needComment: { zh: '退回时请写明修改意见。', en: 'Write what to change before returning.' },
  approved: { zh: '「{title}」已通过，全市可见。', en: '“{title}” approved and published.' },
  rejected: { zh: '「{title}」已退回，意见已送给 {author}。', en: '“{title}” returned to {author} with your comment.' },
  empty: { zh: '没有需要处理的作品。', en: 'Nothing to handle.' },
  history: { zh: '审核记录', en: 'History' },
  refresh: { zh: '刷新', en: 'Refresh' },
  signIn: { zh: '请先在「团队连接」中登录团队服务器。', en: 'Sign in to the team server first (Team connection).' },
});

/** Reviewers: the queue, approve or return with a comment. Stations: their submissions' status and comments. */
export class CsTeamReview extends LitElement {
  static override properties = {
    samples: { state: true },
    notice: { state: true },
    error: { state: true },
    history: { state: true },
  };
  samples: TeamSample[] = [];
  notice = '';
  error = '';
  history: { id: string; entries: HistoryEntry[] } | null = null;
  private readonly team = new TeamController(this);
  private readonly i18n = new LocaleController(this);
  private readonly comments = new Map<string, string>();

  static override styles = [
    controls,
    teamCardStyles,
    css`
      :host { display: block; }
      .head { display: flex; gap: 12px; align-items: center; }
      .head h2 { margin: 0; }
      label { margin: 8px 0 0; font-size: 14px; }
      textarea { min-height: 56px; font-size: 14px; margin-top: 4px; font-weight: 400; }
      .actions { display: flex; gap: 8px; flex-wrap: wrap; margin-top: 6px; }
      .actions button { padding: 6px 12px; min-height: 32px; }
      .ok { color: var(--cs-ok); font-weight: 600; }
      ol { font-size: 13px; padding-left: 18px; margin: 6px 0 0; }
      button.link { all: unset; color: var(--cs-blue); cursor: pointer; font-size: 13px; text-decoration: underline; }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private get reviewer() {
    return isReviewer(this.team.state);
  }

  private async load() {
    if (!this.team.state?.connected) return;
    try {
      this.samples = (await call('teamReviewList', this.reviewer ? { status: ['submitted'] } : {})).samples;
    } catch (e) {
      this.error = errorMessage(e);
      await refreshTeam().catch(() => undefined);
    }
  }

  private async decide(s: TeamSample, approve: boolean) {
    this.notice = '';
    this.error = '';
    const comment = (this.comments.get(s.id) ?? '').trim();
    if (!approve && !comment) {
      this.error = t('needComment');
      return;
    }
    try {
      if (approve) await call('teamApprove', { id: s.id, ...(comment ? { comment } : {}) });
      else await call('teamReject', { id: s.id, comment });
      this.notice = approve ? t('approved', { title: s.title }) : t('rejected', { title: s.title, author: s.author });
      this.comments.delete(s.id);
      await this.load();
    } catch (e) {
      this.error = errorMessage(e);
    }
  }

  private async showHistory(id: string) {
    try {
      this.history = { id, entries: (await call('teamSample', { id })).history };
    } catch (e) {
      this.error = errorMessage(e);
    }
  }

  private actions(s: TeamSample) {
    const trail =
      this.history?.id === s.id
        ? html`<ol>${this.history.entries.map((h) => html`<li>${h.at.slice(0, 16).replace('T', ' ')} ${h.actor}（${h.actorUnit}）${h.action}${h.comment ? `：${h.comment}` : ''}</li>`)}</ol>`
        : html`<button type="button" class="link" @click=${() => this.showHistory(s.id)}>${t('history')}</button>`;
    if (!this.reviewer || s.status !== 'submitted') return trail;
    return html`<label>${t('comment')}
        <textarea name="comment" .value=${this.comments.get(s.id) ?? ''} placeholder=${t('commentHint')} @input=${(e: Event) => this.comments.set(s.id, (e.target as HTMLTextAreaElement).value)}></textarea></label>
      <div class="actions">
        <button type="button" data-action="approve" @click=${() => this.decide(s, true)}>${t('approve')}</button>
        <button type="button" class="secondary" data-action="reject" @click=${() => this.decide(s, false)}>${t('reject')}</button>
      </div>
      ${trail}`;
  }

  override render() {
    if (!this.team.state?.connected) return html`<p class="muted">${t('signIn')}</p>`;
    return html`
      <div class="head"><h2>${this.reviewer ? t('queue') : t('mine')}</h2>
        <button type="button" class="secondary" @click=${this.load}>${t('refresh')}</button></div>
      <p class="muted">${this.reviewer ? t('queueIntro') : t('mineIntro')}</p>
      ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : ''}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${
        this.samples.length
          ? html`<ul class="cards">${this.samples.map((s) => teamCard(s, this.actions(s)))}</ul>`
          : html`<p class="muted">${t('empty')}</p>`
      }
    `;
  }
}
customElements.define('cs-team-review', CsTeamReview);

declare global {
  interface HTMLElementTagNameMap {
    'cs-team-review': CsTeamReview;
  }
}
