import { describe, expect, it } from 'vitest';
import { studio } from '../helpers/cli.js';
import { SANMING_PROFILE_FILE } from '../helpers/profile.js';

describe('campaign-studio preflight: the lines of each text', () => {
  it('--json lists each text element’s lines as set', async () => {
    const r = await studio([
      'preflight',
      '--template',
      'sticker-round-green-30',
      '--set',
      'slogan=白菜青菜油麦菜、莫给骗子当韭菜',
      '--profile',
      SANMING_PROFILE_FILE,
      '--json',
    ]);
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.stdout) as { text: { elementId: string; lines: string[]; sizeMm: number }[] };
    expect(rep.text.find((t) => t.elementId === 'slogan')?.lines).toEqual(['白菜青菜', '油麦菜', '莫给骗子', '当韭菜']);
  });

  it('prints them, one element a line, before the findings', async () => {
    const r = await studio(['preflight', '--template', 'poster-a2-red', '--profile', SANMING_PROFILE_FILE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/标语（slogan） [\d.]+ mm：白菜青菜油麦菜、 ／ 莫给骗子当韭菜\n/);
    expect(r.stdout.indexOf('标语（slogan）')).toBeLessThan(r.stdout.indexOf('未发现问题'));
  });
});
