import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FieldDraft } from '../../renderer/src/data/field-draft.js';

describe('FieldDraft', () => {
  it('lets the design write until the user types, and again once the typing is committed', () => {
    const d = new FieldDraft();
    expect(d.mayWrite('slogan', true)).toBe(true);
    d.input();
    // A preview answer redraws mid-typing: the field keeps what was typed, however often it redraws.
    expect(d.mayWrite('slogan', true)).toBe(false);
    expect(d.mayWrite('slogan', true)).toBe(false);
    d.commit();
    expect(d.mayWrite('slogan', true)).toBe(true);
  });

  it('drops the typing when the field is left or shows another element', () => {
    const left = new FieldDraft();
    left.mayWrite('slogan', true);
    left.input();
    expect(left.mayWrite('slogan', false)).toBe(true);
    // Focused again later: a redraw writes, no typing is pending.
    expect(left.mayWrite('slogan', true)).toBe(true);

    const other = new FieldDraft();
    other.mayWrite('slogan', true);
    other.input();
    expect(other.mayWrite('rule-top', true)).toBe(true);
    expect(other.mayWrite('rule-top', true)).toBe(true);
  });
});

describe('the style panels’ number fields', () => {
  // The bug was one field after another bound with live(): every number or range field the panels
  // show takes its value through draft(), the one mechanism that keeps typing.
  const PANELS = ['cs-arrange-fields', 'cs-background-panel', 'cs-style-panel', 'cs-text-style'];

  it.each(PANELS)('%s binds every number and range field with draft()', (name) => {
    const src = readFileSync(resolve(import.meta.dirname, `../../renderer/src/${name}.ts`), 'utf8');
    const fields = src.match(/<input type="(?:number|range)"[^>]*/g) ?? [];
    expect(fields.length).toBeGreaterThan(0);
    for (const f of fields) expect(f).toMatch(/\.value=\$\{draft\(/);
  });
});
