import { describe, expect, it } from 'vitest';
import {
  DESIGN_SCHEMA_ID,
  DESIGN_VERSION,
  parseDesignText,
  StudioError,
  upgradeDesign,
  type DesignUpgrade,
} from '../../main/core/index.js';
import { design } from '../helpers/designs.js';

/* One parse of a design file's text (#12 §5), with the version upgrade hook. */
const text = (over: Record<string, unknown> = {}) => JSON.stringify({ ...design({ name: '鱼市横幅' }), ...over });

describe('parseDesignText', () => {
  it('reads a design file, with or without the BOM Notepad writes', () => {
    expect(parseDesignText(text()).name).toBe('鱼市横幅');
    expect(parseDesignText('\uFEFF' + text()).name).toBe('鱼市横幅');
  });

  it("names the file and what is wrong: not JSON, a bad field by its path, another program's file", () => {
    const notJson = (() => {
      try {
        parseDesignText('{"schema":', '设计文件 a.csdesign ');
      } catch (e) {
        return e as StudioError;
      }
    })();
    expect(notJson).toMatchObject({ code: 'invalid-design' });
    expect(notJson!.message).toMatch(/^设计文件 a\.csdesign 不是有效的 JSON/);
    expect(() => parseDesignText(text({ format: { widthMm: -1, heightMm: 10 } }))).toThrow(StudioError);
    try {
      parseDesignText(text({ format: { widthMm: -1, heightMm: 10 } }));
    } catch (e) {
      expect((e as StudioError).details.join('\n')).toMatch(/format\.widthMm/);
    }
    try {
      parseDesignText(text({ schema: 'other/thing' }));
      expect.unreachable();
    } catch (e) {
      expect((e as StudioError).details[0]).toMatch(/^schema：不是反诈物料工作室的设计文件/);
    }
  });

  it('refuses a file from a newer program with what to do', () => {
    expect(() => parseDesignText(text({ version: DESIGN_VERSION + 1 }))).toThrow(/请升级反诈物料工作室/);
  });
});

describe('the upgrade hook', () => {
  // A pretend history: version 1 → 2 renamed `name` to `title`, 2 → 3 added `tags`.
  const steps: Record<number, DesignUpgrade> = {
    1: ({ name, ...rest }) => ({ ...rest, title: name }),
    2: (d) => ({ ...d, tags: [] }),
  };

  it('brings an old file up to the current version step by step', () => {
    const v1 = { schema: DESIGN_SCHEMA_ID, version: 1, name: '旧文件' };
    expect(upgradeDesign(v1, steps, 3)).toEqual({ schema: DESIGN_SCHEMA_ID, version: 3, title: '旧文件', tags: [] });
    expect(upgradeDesign({ schema: DESIGN_SCHEMA_ID, version: 2, title: 'x' }, steps, 3)).toEqual({
      schema: DESIGN_SCHEMA_ID,
      version: 3,
      title: 'x',
      tags: [],
    });
  });

  it('leaves what it cannot upgrade for the schema to name', () => {
    const junk = { schema: 'other', version: 1 };
    expect(upgradeDesign(junk, steps, 3)).toBe(junk);
    const noPath = { schema: DESIGN_SCHEMA_ID, version: 1 };
    expect(upgradeDesign(noPath, {}, 3)).toBe(noPath);
    expect(upgradeDesign('text', steps, 3)).toBe('text');
  });

  it("today's files are the current version: nothing to do", () => {
    const d = JSON.parse(text());
    expect(upgradeDesign(d)).toEqual(d);
  });
});
