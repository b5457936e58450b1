import { StudioError } from './errors.js';

/*
 * JSON from outside (request bodies, design files, bundle manifests) is checked for its shape
 * before JSON.parse sees it: a 20 MB body of ten million nested arrays made V8's parser take
 * seconds and hundreds of megabytes before anything could refuse it. The scanner is a single
 * linear pass over the text (or over UTF-8 bytes as they arrive: every structural character is
 * ASCII, and no byte of a multi-byte character is below 0x80), keeping only one counter per open
 * level. It checks no syntax; JSON.parse does, afterwards, on text known to be of sane shape.
 */

export interface JsonLimits {
  /** Open arrays and objects at once. A design is about 8 deep. */
  maxDepth: number;
  /** Members of one array or object. */
  maxItems: number;
  /** Code units (bytes, when scanning bytes) of one string. */
  maxStringLength: number;
}

/** What a design (or a request carrying one) may be: far beyond any real one, far below harm. */
export const DESIGN_JSON_LIMITS: JsonLimits = {
  maxDepth: 64,
  maxItems: 100_000,
  // An embedded image of 50 MB is about 67 MB of base64; a design file's text is at most 64 MB.
  maxStringLength: 72 * 1024 * 1024,
};

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPENS = new Set([0x5b, 0x7b]);
const CLOSES = new Set([0x5d, 0x7d]);

/** Feed the text piece by piece; throws a StudioError ('too-large') at the first limit passed. */
export class JsonShapeScanner {
  private depth = 0;
  private readonly items: Uint32Array;
  private inString = false;
  private escaped = false;
  private stringLength = 0;

  constructor(
    private readonly limits: JsonLimits,
    /** What the JSON is, for messages: 「设计文件 a.csdesign」, 「请求内容」. */
    private readonly what: string,
  ) {
    this.items = new Uint32Array(limits.maxDepth + 2);
  }

  /** A piece of text, or of its UTF-8 bytes. */
  feed(chunk: string | Uint8Array): void {
    const n = chunk.length;
    const text = typeof chunk === 'string';
    const at = text ? (i: number) => chunk.charCodeAt(i) : (i: number) => chunk[i]!;
    // Inside a string only a quote or a backslash matters: jump to the next one (a native search,
    // so a 60 MB embedded image costs milliseconds).
    const next = (code: number, from: number): number => {
      const i = text ? chunk.indexOf(String.fromCharCode(code), from) : chunk.indexOf(code, from);
      return i < 0 ? n : i;
    };
    const { maxDepth, maxItems, maxStringLength } = this.limits;
    for (let i = 0; i < n; i++) {
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
          this.stringLength++;
          continue;
        }
        const stop = Math.min(next(QUOTE, i), next(BACKSLASH, i));
        this.stringLength += stop - i;
        if (this.stringLength > maxStringLength)
          throw this.refuse(`其中一段文字过长（超过 ${Math.round(maxStringLength / 1024 / 1024)} MB）`);
        if (stop >= n) return;
        i = stop;
        if (at(i) === BACKSLASH) this.escaped = true;
        else this.inString = false;
        continue;
      }
      const c = at(i);
      if (c === QUOTE) {
        this.inString = true;
        this.stringLength = 0;
      } else if (OPENS.has(c)) {
        if (++this.depth > maxDepth) throw this.refuse(`嵌套层数过多（超过 ${maxDepth} 层）`);
        this.items[this.depth] = 0;
      } else if (CLOSES.has(c)) {
        if (this.depth > 0) this.depth--;
      } else if (c === COMMA && this.depth > 0) {
        if (++this.items[this.depth]! >= maxItems) throw this.refuse(`其中一个列表的项目过多（超过 ${maxItems} 项）`);
      }
    }
  }

  private refuse(why: string): StudioError {
    return new StudioError('too-large', `${this.what}${why}，不是工作室能打开的内容`, [
      '请确认选的是工作室保存的文件；文件可能已损坏或被改动',
    ]);
  }
}

/** Line and column (1-based) of a code-unit offset, for a message a user can find. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/**
 * Parse JSON text from outside: shape checked first (limits), then JSON.parse. A syntax error
 * becomes a Chinese message with the line and column; text that is not text at all (a binary
 * file picked by mistake) is named so, never echoed.
 */
export function parseJsonWithin(text: string, limits: JsonLimits, what: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  // A NUL or most C0 controls outside strings never occur in JSON text; in a binary file they do at once.
  if (/[\0-\x08\x0e-\x1f]/.test(body.slice(0, 4096)))
    throw new StudioError('invalid-design', `${what}不是文本文件（像是图片、压缩包或其他程序的文件）`, [
      '请选择工作室保存的设计文件（.csdesign 或 .json）',
    ]);
  new JsonShapeScanner(limits, what).feed(body);
  try {
    return JSON.parse(body) as unknown;
  } catch (err) {
    const m = /position (\d+)/.exec((err as Error).message);
    const at = m ? lineColumn(body, Number(m[1])) : null;
    const where = at ? `（第 ${at.line} 行第 ${at.column} 列附近）` : '';
    const why = body.trim() === '' ? '是空的' : `不是有效的 JSON${where}`;
    throw new StudioError('invalid-design', `${what}${why}`, ['文件可能不完整，或被其他程序改动过'], { cause: err });
  }
}
