import { LitElement, html } from 'lit';
import { controls } from './shared-styles.js';

/** The 批量制作 screen (issue #6). */
export class CsBatch extends LitElement {
  static override styles = [controls];
  override render() {
    return html`<section class="panel"><h2>批量制作</h2></section>`;
  }
}
customElements.define('cs-batch', CsBatch);
