import { describe, expect, it } from 'vitest';
import {
  applyProfile,
  DesignSchema,
  emptyProfile,
  isPlaceholder,
  missingFieldNotes,
  placeholderMessage,
  placeholdersOf,
  PROFILE_ASSET_IDS,
  UnitProfileSchema,
  type Design,
} from '../../main/core/index.js';
import { sanmingProfile } from '../helpers/profile.js';

const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** A design with one of each bound and sample-marked element. */
const bound = (): Design =>
  DesignSchema.parse({
    schema: 'campaign-studio/design',
    version: 1,
    format: { widthMm: 200, heightMm: 100 },
    elements: [
      {
        id: 'unit',
        slot: 'unit',
        label: '单位名称',
        type: 'text',
        bind: 'unit.full',
        bindFormat: '{} 宣',
        placeholder: '××市公安局 宣',
        box: { x: 0, y: 0, w: 100, h: 10 },
        text: '××市公安局 宣',
        size: { mode: 'fixed', mm: 5 },
      },
      {
        id: 'short',
        type: 'text',
        bind: 'unit.short',
        box: { x: 0, y: 10, w: 100, h: 10 },
        text: '派出所',
        size: { mode: 'fixed', mm: 5 },
      },
      {
        id: 'local',
        type: 'text',
        bind: 'hotline.local',
        placeholder: '派出所电话',
        box: { x: 0, y: 20, w: 100, h: 10 },
        text: '派出所电话',
        size: { mode: 'fixed', mm: 5 },
      },
      {
        id: 'hotline',
        type: 'text',
        bind: 'hotline',
        bindFormat: '全国反诈专线 {}',
        box: { x: 0, y: 30, w: 100, h: 10 },
        text: '96110',
        size: { mode: 'fixed', mm: 5 },
      },
      {
        id: 'date',
        slot: 'date',
        label: '日期',
        type: 'text',
        placeholder: '2026年12月',
        box: { x: 0, y: 40, w: 100, h: 10 },
        text: '2026年12月',
        size: { mode: 'fixed', mm: 5 },
      },
      {
        id: 'qr',
        slot: 'qr',
        label: '二维码',
        type: 'qr',
        bind: 'qr.wechat',
        placeholder: 'https://sample.example/',
        box: { x: 120, y: 0, w: 40, h: 40 },
        content: 'https://sample.example/',
      },
      { id: 'logo', label: '单位标志', type: 'image', bind: 'logo', box: { x: 160, y: 0, w: 40, h: 40 } },
      {
        id: 'photo',
        slot: 'photo',
        label: '现场照片',
        type: 'image',
        placeholder: '',
        box: { x: 120, y: 50, w: 80, h: 50 },
      },
    ],
  });

describe('unit profile schema', () => {
  it('defaults to an empty profile and refuses a malformed phone number, naming the field', () => {
    const p = emptyProfile();
    expect(p.unit).toEqual({ full: '', short: '' });
    expect(p.hotlines).toEqual([]);
    const r = UnitProfileSchema.safeParse({ ...p, hotlines: [{ label: '值班室', number: '打电话' }] });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['hotlines', 0, 'number']);
    expect(r.error!.issues[0]!.message).toMatch(/电话号码/);
    expect(
      UnitProfileSchema.safeParse({ schema: 'campaign-studio/design', version: 1 }).error!.issues[0]!.message,
    ).toMatch(/不是本单位信息文件/);
  });

  it('reads the Sanming test profile', () => {
    const p = sanmingProfile();
    expect(p.unit.full).toBe('三明市公安局三元分局列东派出所');
    expect(p.mascot?.image.mime).toBe('image/png');
  });
});

describe('applyProfile: the one place a design takes the unit details', () => {
  it('fills text through its format, QR payloads and images, and ends their placeholder status', () => {
    const p = sanmingProfile();
    const before = bound();
    const { design, filled, missing } = applyProfile(before, p);
    const el = (id: string) => design.elements.find((e) => e.id === id)!;
    expect(el('unit')).toMatchObject({ text: '三明市公安局三元分局列东派出所 宣' });
    expect(el('unit')).not.toHaveProperty('placeholder');
    expect(el('short')).toMatchObject({ text: '列东派出所' });
    expect(el('local')).toMatchObject({ text: '列东派出所 0598-1234110' });
    expect(el('hotline')).toMatchObject({ text: '全国反诈专线 96110' });
    expect(el('qr')).toMatchObject({ content: p.qr.wechat });
    expect(el('logo')).toMatchObject({ asset: PROFILE_ASSET_IDS.logo });
    expect(design.assets[PROFILE_ASSET_IDS.logo]).toMatchObject({ data: p.logo!.data });
    expect(filled.sort()).toEqual(['hotline', 'local', 'logo', 'qr', 'short', 'unit']);
    expect(missing).toEqual([]);
    // Unbound samples stay samples; the input design is not touched.
    expect(placeholdersOf(design).map((x) => x.elementId)).toEqual(['date', 'photo']);
    expect(placeholdersOf(before).map((x) => x.elementId)).toEqual(['unit', 'local', 'date', 'qr', 'photo']);
  });

  it('leaves elements whose field the profile lacks as they are, and says which fields', () => {
    const fill = applyProfile(bound(), emptyProfile());
    expect(fill.filled).toEqual(['hotline']);
    expect(fill.missing.map((m) => m.field)).toEqual(['unit.full', 'unit.short', 'hotline.local', 'qr.wechat', 'logo']);
    expect(fill.design.elements.find((e) => e.id === 'short')).toMatchObject({ text: '派出所' });
    expect(missingFieldNotes(fill)).toContain('本单位信息未填写「单位全称」，相应位置保留模板示例');
  });

  it('a sample QR confirmed through the profile is no placeholder even with the same payload', () => {
    const d = bound();
    const p = { ...emptyProfile(), qr: { app: '', wechat: 'https://sample.example/' } };
    const qr = applyProfile(d, p).design.elements.find((e) => e.id === 'qr')!;
    expect(isPlaceholder(qr)).toBe(false);
    expect(isPlaceholder(d.elements.find((e) => e.id === 'qr')!)).toBe(true);
  });
});

describe('placeholders', () => {
  it('are the explicitly marked samples while unchanged, plus any text with ××', () => {
    const d = bound();
    const date = d.elements.find((e) => e.id === 'date')!;
    expect(isPlaceholder(date)).toBe(true);
    expect(isPlaceholder({ ...date, text: '5月20日' } as typeof date)).toBe(false);
    // An edit that keeps ×× is still a sample, marked or not.
    expect(isPlaceholder({ ...date, text: '××菜市场', placeholder: undefined } as typeof date)).toBe(true);
    const photo = d.elements.find((e) => e.id === 'photo')!;
    expect(isPlaceholder(photo)).toBe(true);
    expect(isPlaceholder({ ...photo, asset: 'mine' } as typeof photo)).toBe(false);
    // An empty optional image (no placeholder mark) is not a sample.
    expect(isPlaceholder(d.elements.find((e) => e.id === 'logo')!)).toBe(false);
  });

  it('are named in Chinese with what to do', () => {
    const [unit, , date, qr, photo] = placeholdersOf(bound());
    expect(placeholderMessage(unit!)).toBe(
      '「单位名称」还是模板示例「××市公安局 宣」：请在「本单位信息」中填写单位全称，或直接改成本单位的内容',
    );
    expect(placeholderMessage(date!)).toBe('「日期」还是模板示例「2026年12月」：请改成实际内容');
    expect(placeholderMessage(qr!)).toContain('「二维码」还是模板的示例二维码');
    expect(placeholderMessage(qr!)).toContain('本单位公众号二维码');
    expect(placeholderMessage(photo!)).toBe('「现场照片」还是模板的空白示例框：请放入照片');
  });

  it('a bound image gets the profile picture as an embedded asset', () => {
    const p = { ...emptyProfile(), logo: { mime: 'image/png' as const, data: PNG_1PX } };
    const d = applyProfile(bound(), p).design;
    expect(DesignSchema.safeParse(d).success).toBe(true);
  });
});
