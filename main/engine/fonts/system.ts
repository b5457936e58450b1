import { readdirSync, statSync } from 'node:fs';
import { homedir, platform } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import type { FaceSource } from './face.js';

/** Common characters a font must have to be offered for Chinese text. */
const PROBE = '的一是不了人我在有这中大来上国反诈骗转账';

function fontDirs(): string[] {
  const home = homedir();
  if (platform() === 'win32') {
    const win = process.env.WINDIR ?? 'C:\\Windows';
    const local = process.env.LOCALAPPDATA;
    return [join(win, 'Fonts'), ...(local ? [join(local, 'Microsoft', 'Windows', 'Fonts')] : [])];
  }
  if (platform() === 'darwin') return ['/System/Library/Fonts', '/Library/Fonts', join(home, 'Library/Fonts')];
  return ['/usr/share/fonts', '/usr/local/share/fonts', join(home, '.local/share/fonts'), join(home, '.fonts')];
}

function* walk(dir: string, depth = 0): Generator<string> {
  if (depth > 6) return;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    const p = join(dir, n);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) yield* walk(p, depth + 1);
    else if (/\.(ttf|otf|ttc|otc)$/i.test(n)) yield p;
  }
}

function covers(font: fontkit.Font): boolean {
  for (const ch of PROBE) if (!font.hasGlyphForCodePoint(ch.codePointAt(0)!)) return false;
  return true;
}

let found: FaceSource[] | undefined;

/**
 * Installed fonts that can set Chinese text (微软雅黑, 黑体, 楷体 on Windows; Noto CJK,
 * WenQuanYi on Linux). Scanned once per process, on first use only: most renders never need it.
 */
export function systemFaces(): FaceSource[] {
  if (found) return found;
  const out: FaceSource[] = [];
  for (const dir of fontDirs()) {
    for (const path of walk(dir)) {
      try {
        const opened = fontkit.openSync(path);
        const fonts = 'fonts' in opened ? opened.fonts : [opened];
        for (const f of fonts as fontkit.Font[]) {
          if (!covers(f)) continue;
          out.push({
            family: f.familyName,
            weight: f['OS/2']?.usWeightClass ?? 400,
            path,
            postscriptName: f.postscriptName,
            bundled: false,
          });
        }
      } catch {
        // A broken or unsupported font file is simply not offered.
      }
    }
  }
  found = out;
  return out;
}
