import type { StudioDesign } from '../../../main/core/design/design.js';
import {
  copyElements,
  deleteElements,
  duplicateElements,
  isElementClip,
  moveElements,
  pasteElements,
  reorderElements,
  type ElementClip,
} from '../../../main/core/design/edit.js';
import type { Point } from '../../../main/core/design/geometry.js';
import { defineMessages } from '../i18n/i18n.js';
import type { CanvasAction } from './canvas-keys.js';
import { copyOffset, pasteOffset } from './paste-place.js';

const t = defineMessages({
  nudge: { zh: '微调位置', en: 'Nudge' },
  delete: { zh: '删除元素', en: 'Delete' },
  duplicate: { zh: '复制元素', en: 'Duplicate' },
  order: { zh: '调整图层顺序', en: 'Reorder' },
  paste: { zh: '粘贴', en: 'Paste' },
  cut: { zh: '剪切', en: 'Cut' },
});

/** What a command does: a new design (one undo step, merged by `key`), a new selection, or both. */
export interface CommandResult {
  design?: StudioDesign;
  label?: string;
  key?: string;
  select?: string[];
}

/** A canvas key on the selection (data/canvas-keys.ts). Throws a StudioError a user can read (a lock). */
export function runCommand(design: StudioDesign, ids: readonly string[], a: CanvasAction): CommandResult {
  switch (a.do) {
    case 'nudge':
      // Arrow presses in a row on the same selection are one step.
      return ids.length
        ? { design: moveElements(design, ids, a.dx, a.dy), label: t('nudge'), key: `nudge:${ids.join(',')}` }
        : {};
    case 'delete':
      return ids.length ? { design: deleteElements(design, ids), label: t('delete'), select: [] } : {};
    case 'duplicate': {
      if (!ids.length) return {};
      const r = duplicateElements(design, ids, copyOffset(design));
      return { design: r.design, label: t('duplicate'), select: r.ids };
    }
    case 'all':
      return { select: design.elements.filter((e) => !e.hidden && !e.locked).map((e) => e.id) };
    case 'order':
      return ids.length ? { design: reorderElements(design, ids, a.how), label: t('order') } : {};
    default:
      return {};
  }
}

/*
 * Copy and paste of elements, within a design and between designs (and studio windows): the
 * clipboard carries the elements as text behind a marker, and a copy is kept in local storage
 * for when the system clipboard cannot be read. Images travel by reference.
 */
const MARK = 'campaign-studio/elements\n';
const KEY = 'campaign-studio.clipboard';

/** `drawn`: what each picture following a text draws now (copyElements). */
export function copySelection(
  e: ClipboardEvent,
  design: StudioDesign,
  ids: readonly string[],
  drawn?: ReadonlyMap<string, string>,
): boolean {
  if (!ids.length) return false;
  const text = JSON.stringify(copyElements(design, ids, drawn));
  e.clipboardData?.setData('text/plain', MARK + text);
  try {
    localStorage.setItem(KEY, text);
  } catch {
    // No storage: the system clipboard still has it.
  }
  return true;
}

function readClip(e: ClipboardEvent): ElementClip | null {
  const text = e.clipboardData?.getData('text/plain') ?? '';
  let raw = text.startsWith(MARK) ? text.slice(MARK.length) : '';
  if (!raw && !text) {
    try {
      raw = localStorage.getItem(KEY) ?? '';
    } catch {
      raw = '';
    }
  }
  try {
    const v: unknown = raw ? JSON.parse(raw) : null;
    return isElementClip(v) ? v : null;
  } catch {
    return null;
  }
}

/**
 * A paste on the canvas: copied elements (placed on the page, clear of an earlier paste:
 * data/paste-place.ts; `at` is the middle of what the canvas shows), or files to add as images.
 */
export function pasteInto(
  e: ClipboardEvent,
  design: StudioDesign,
  at?: Point,
): CommandResult | { files: File[] } | null {
  const files = [...(e.clipboardData?.files ?? [])].filter((f) => f.type.startsWith('image/'));
  if (files.length) return { files };
  const clip = readClip(e);
  if (!clip) return null;
  const { dx, dy } = pasteOffset(design, clip, at);
  const r = pasteElements(design, clip, dx, dy);
  return { design: r.design, label: t('paste'), select: r.ids };
}

/** Cut: copy, then delete. */
export function cutSelection(
  e: ClipboardEvent,
  design: StudioDesign,
  ids: readonly string[],
  drawn?: ReadonlyMap<string, string>,
): CommandResult {
  if (!copySelection(e, design, ids, drawn)) return {};
  return { design: deleteElements(design, ids), label: t('cut'), select: [] };
}
