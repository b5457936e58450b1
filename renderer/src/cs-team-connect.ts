import { LitElement, css, html } from 'lit';
import type { ApiValue } from '../../main/core/api.js';
import { call, errorMessage } from './data/api-client.js';
import { roleName, setTeamState, TeamController } from './data/team-store.js';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import { controls } from './shared-styles.js';

const t = defineMessages({
  heading: { zh: '连接团队服务器', en: 'Connect to the team server' },
  intro: {
    zh: '团队库是市局的共享素材库：各派出所的作品经审核后全市可见。地址和账号由市局管理员提供；密码只用于登录，不保存在本机。',
    en: 'The team library is the city’s shared library: approved work is visible city-wide. Your administrator gives you the address and account; the password is only used to sign in and is never stored.',
  },
  url: { zh: '服务器地址', en: 'Server address' },
  user: { zh: '用户名', en: 'User name' },
  password: { zh: '密码', en: 'Password' },
  next: { zh: '下一步：核对证书', en: 'Next: check the certificate' },
  checking: { zh: '正在联系服务器…', en: 'Contacting the server…' },
  fpFirst: {
    zh: '首次连接这台服务器。请把下面的证书指纹与管理员提供的逐字核对，一致才能连接：',
    en: 'First connection to this server. Compare this certificate fingerprint with the one your administrator gave you:',
  },
  fpSame: { zh: '证书与上次确认的一致。', en: 'The certificate is the one you confirmed before.' },
  fpChanged: {
    zh: '警告：服务器的证书指纹与上次确认的不同！可能是管理员更换了证书，也可能有人冒充服务器。请先向管理员核实，未核实前不要连接。',
    en: 'Warning: the server’s certificate fingerprint differs from the one you confirmed. Check with your administrator before connecting.',
  },
  fpOld: { zh: '上次确认：', en: 'Confirmed before:' },
  fpNew: { zh: '本次出示：', en: 'Shown now:' },
  confirm: { zh: '指纹一致，登录', en: 'Fingerprint matches — sign in' },
  login: { zh: '登录', en: 'Sign in' },
  trustNew: { zh: '已向管理员核实新指纹，信任并登录', en: 'Verified with the administrator — trust and sign in' },
  back: { zh: '返回修改', en: 'Back' },
  signingIn: { zh: '正在登录…', en: 'Signing in…' },
  connected: { zh: '已连接', en: 'Connected' },
  offline: {
    zh: '未登录（上次连接 {server}，用户 {user}）',
    en: 'Signed out (last server {server}, user {user})',
  },
  as: { zh: '{name}（{unit} · {role}）', en: '{name} ({unit} · {role})' },
  fingerprint: { zh: '证书指纹', en: 'Certificate fingerprint' },
  disconnect: { zh: '退出登录', en: 'Sign out' },
  mark: {
    zh: '导出未审核设计的印刷文件时加「未审核」标记',
    en: 'Mark print exports of unapproved designs 「未审核」 (not reviewed)',
  },
  markHint: {
    zh: '标记印在版面右上角。设计经团队审核通过（内容未再改动）后导出，不加标记。',
    en: 'The stamp sits in the top-right corner. Designs the team approved (unchanged since) export without it.',
  },
});

type Probe = ApiValue<'teamProbe'>;

/** The 团队连接 tab: address and account, the certificate fingerprint confirmed once, the mark setting. */
export class CsTeamConnect extends LitElement {
  static override properties = { probe: { state: true }, busy: { state: true }, error: { state: true } };
  probe: Probe | null = null;
  busy = '';
  error = '';
  private readonly team = new TeamController(this);
  private readonly i18n = new LocaleController(this);
  private url = '';
  private user = '';
  private password = '';

  static override styles = [
    controls,
    css`
      :host { display: block; max-width: 720px; }
      form { display: grid; gap: 14px; }
      .fp { font-family: ui-monospace, monospace; font-size: 14px; word-break: break-all; background: #f3f6fb; border-radius: 6px; padding: 10px 12px; letter-spacing: 0.02em; }
      .warn { color: var(--cs-red); font-weight: 600; }
      .row { display: flex; gap: 10px; flex-wrap: wrap; align-items: center; }
      .ok { color: var(--cs-ok); font-weight: 700; }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px; margin: 12px 0; }
      dt { color: var(--cs-muted); }
      dd { margin: 0; }
      .check { display: flex; gap: 8px; align-items: flex-start; font-weight: 600; margin-top: 16px; }
      .check input { margin-top: 4px; }
      .check .muted { font-weight: 400; }
      p { line-height: 1.6; }
    `,
  ];

  private field(name: 'url' | 'user' | 'password', label: string, type = 'text') {
    const value =
      this[name] ||
      (name === 'url' ? (this.team.state?.server ?? '') : name === 'user' ? (this.team.state?.user ?? '') : '');
    return html`<div><label for=${name}>${label}</label>
      <input id=${name} name=${name} type=${type} .value=${value} autocomplete=${name === 'password' ? 'current-password' : 'off'}
        placeholder=${name === 'url' ? 'https://192.168.1.10:8443' : ''} @input=${(e: Event) => (this[name] = (e.target as HTMLInputElement).value)}></div>`;
  }

  private async run<T>(label: string, fn: () => Promise<T>): Promise<T | undefined> {
    this.busy = label;
    this.error = '';
    try {
      return await fn();
    } catch (e) {
      this.error = errorMessage(e);
      return undefined;
    } finally {
      this.busy = '';
    }
  }

  private async check(e: Event) {
    e.preventDefault();
    this.url ||= this.team.state?.server ?? '';
    this.user ||= this.team.state?.user ?? '';
    const probe = await this.run(t('checking'), () => call('teamProbe', { url: this.url }));
    if (probe) this.probe = probe;
  }

  private async connect(replacePinned: boolean) {
    const p = this.probe;
    if (!p) return;
    const s = await this.run(t('signingIn'), () =>
      call('teamConnect', {
        url: p.origin,
        user: this.user,
        password: this.password,
        fingerprint: p.fingerprint,
        replacePinned,
      }),
    );
    if (s) {
      this.password = '';
      this.probe = null;
      setTeamState(s);
    }
  }

  private async disconnect() {
    const s = await this.run('', () => call('teamDisconnect', {}));
    if (s) setTeamState(s);
  }

  private async setMark(e: Event) {
    const s = await this.run('', () =>
      call('teamSettings', { markUnapproved: (e.target as HTMLInputElement).checked }),
    );
    if (s) setTeamState(s);
  }

  private fingerprintStep(p: Probe) {
    const changed = p.pinned !== null && p.pinned !== p.fingerprint;
    const same = p.pinned === p.fingerprint;
    return html`<div class="panel" data-step="fingerprint">
      ${
        changed
          ? html`<p class="warn" role="alert">${t('fpChanged')}</p>
            <p>${t('fpOld')}</p><div class="fp" data-fp="old">${p.pinned}</div>
            <p>${t('fpNew')}</p><div class="fp" data-fp="new">${p.fingerprint}</div>`
          : html`<p>${same ? t('fpSame') : t('fpFirst')}</p><div class="fp" data-fp="new">${p.fingerprint}</div>`
      }
      <p class="muted">${p.origin}</p>
      <div class="row">
        ${
          changed
            ? html`<button type="button" class="secondary" @click=${() => this.connect(true)} ?disabled=${!!this.busy}>${t('trustNew')}</button>`
            : html`<button type="button" data-action="confirm" @click=${() => this.connect(false)} ?disabled=${!!this.busy}>${same ? t('login') : t('confirm')}</button>`
        }
        <button type="button" class="secondary" @click=${() => (this.probe = null)}>${t('back')}</button>
        <span class="muted" role="status">${this.busy}</span>
      </div>
    </div>`;
  }

  private connectedView() {
    const s = this.team.state!;
    const me = s.me!;
    return html`<div class="panel" data-state="connected">
      <p class="ok">${t('connected')}</p>
      <dl>
        <dt>${t('url')}</dt><dd>${s.server}</dd>
        <dt>${t('user')}</dt><dd data-me>${t('as', { name: me.name, unit: me.unit, role: roleName(me.role) })}</dd>
        <dt>${t('fingerprint')}</dt><dd class="fp">${s.fingerprint}</dd>
      </dl>
      <button type="button" class="secondary" @click=${this.disconnect}>${t('disconnect')}</button>
    </div>`;
  }

  override render() {
    const s = this.team.state;
    return html`
      <h2>${t('heading')}</h2>
      <p class="muted">${t('intro')}</p>
      ${
        s?.connected
          ? this.connectedView()
          : this.probe
            ? this.fingerprintStep(this.probe)
            : html`${s?.server ? html`<p class="muted">${t('offline', { server: s.server, user: s.user ?? '' })}</p>` : ''}
              <form class="panel" @submit=${this.check}>
                ${this.field('url', t('url'))} ${this.field('user', t('user'))} ${this.field('password', t('password'), 'password')}
                <div class="row"><button type="submit" ?disabled=${!!this.busy}>${t('next')}</button><span class="muted" role="status">${this.busy}</span></div>
              </form>`
      }
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${
        s?.server
          ? html`<label class="check"><input type="checkbox" name="mark" .checked=${s.markUnapproved} @change=${this.setMark}>
              <span>${t('mark')}<br><span class="muted">${t('markHint')}</span></span></label>`
          : ''
      }
    `;
  }
}
customElements.define('cs-team-connect', CsTeamConnect);

declare global {
  interface HTMLElementTagNameMap {
    'cs-team-connect': CsTeamConnect;
  }
}
