import type { ApiValue, PreviewGeometry } from '../../../main/core/api.js';
import type { StudioDesign } from '../../../main/core/design/design.js';
import { addElement, addImage, elementAt, newElement, placeImage } from '../../../main/core/design/edit.js';
import { elementName } from '../../../main/core/design/names.js';
import type { CsEvent } from '../events.js';
import { defineMessages } from '../i18n/i18n.js';
import { errorMessage } from './api-client.js';
import { cutSelection, copySelection, pasteInto, type CommandResult } from './canvas-commands.js';
import { addImageFile, imageError } from './images.js';

const t = defineMessages({
  add: { zh: '添加{what}', en: 'Add {what}' },
  addImage: { zh: '添加图片', en: 'Add image' },
  replaceImage: { zh: '更换图片', en: 'Replace image' },
});

/** The editor as what comes into the design needs it. */
export interface InsertHost {
  readonly design: StudioDesign;
  readonly selection: readonly string[];
  readonly profile: ApiValue<'getProfile'>['profile'] | null;
  /** The middle of what the canvas shows, in page mm. */
  visibleCentre(): { x: number; y: number } | undefined;
  /** The last preview's geometry: what each picture following a text draws now. */
  readonly geometry: ReadonlyMap<string, PreviewGeometry>;
  /** One undo step (and the selection it leaves). */
  apply(r: CommandResult): void;
  /** As apply, with a refusal said in the editor instead of thrown. */
  attempt(make: () => CommandResult): void;
  refuse(message: string): void;
}

/**
 * What comes into the open design: the insert menu's new elements (texts, shapes, illustrations,
 * QR codes, the unit's logo and mascot, placed in the middle of what the canvas shows), image
 * files picked, dropped or pasted (onto an image: it is replaced), and cut, copy and paste of the
 * selection through the clipboard.
 */
export class Inserts {
  constructor(private readonly host: InsertHost) {}

  readonly files = async (e: CsEvent<'canvas-files'>): Promise<void> => {
    const h = this.host;
    for (const file of e.detail.files) {
      try {
        const ref = await addImageFile(file);
        const at = e.detail.at ?? h.visibleCentre();
        const onto = at && elementAt(h.design, at.x, at.y);
        if (onto?.type === 'image' && !onto.locked) {
          h.apply({ design: placeImage(h.design, onto.id, ref), label: t('replaceImage'), select: [onto.id] });
        } else {
          const r = addImage(h.design, ref, { ...(at ? { at } : {}) });
          h.apply({ design: r.design, label: t('addImage'), select: [r.id] });
        }
      } catch (err) {
        h.refuse(imageError(err, errorMessage));
      }
    }
  };

  /** A new element of the menu's kind; a logo or mascot only when the unit's profile has one. */
  element(kind: CsEvent<'element-insert'>['detail']['kind'], illustration?: string): void {
    const h = this.host;
    const at = h.visibleCentre();
    const p = h.profile;
    h.attempt(() => {
      if (kind === 'logo' || kind === 'mascot') {
        const ref = kind === 'logo' ? p?.logo : p?.mascot?.image;
        if (!ref) return {};
        const r = addImage(h.design, ref, {
          ...(at ? { at } : {}),
          bind: kind,
          label: kind === 'logo' ? '单位标志' : '吉祥物',
        });
        return { design: r.design, label: t('add', { what: kind === 'logo' ? '单位标志' : '吉祥物' }), select: [r.id] };
      }
      const el = newElement(h.design, kind, {
        ...(at ? { at } : {}),
        ...(illustration ? { illustration } : {}),
        ...(p?.qr.app ? { qr: p.qr.app } : {}),
      });
      return {
        design: addElement(h.design, el),
        label: t('add', { what: `「${elementName(el)}」` }),
        select: [el.id],
      };
    });
  }

  readonly clipboard = (e: ClipboardEvent): void => {
    const h = this.host;
    // Text fields (the inline editor) keep their own copy and paste.
    const from = e.composedPath()[0];
    if (from instanceof HTMLTextAreaElement || from instanceof HTMLInputElement) return;
    const drawn = new Map([...h.geometry].flatMap(([id, g]) => (g.illustration ? [[id, g.illustration]] : [])));
    if (e.type === 'copy') {
      if (copySelection(e, h.design, h.selection, drawn)) e.preventDefault();
      return;
    }
    e.preventDefault();
    if (e.type === 'cut') return h.attempt(() => cutSelection(e, h.design, h.selection, drawn));
    const r = pasteInto(e, h.design, h.visibleCentre());
    if (r && 'files' in r) void this.files(new CustomEvent('canvas-files', { detail: { files: r.files } }));
    else if (r) h.apply(r);
  };
}
