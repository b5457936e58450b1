import { LitElement, html } from 'lit';
import { controls } from './shared-styles.js';

/** The 素材库 screen (issue #6). */
export class CsLibrary extends LitElement {
  static override styles = [controls];
  override render() {
    return html`<section class="panel"><h2>素材库</h2></section>`;
  }
}
customElements.define('cs-library', CsLibrary);
