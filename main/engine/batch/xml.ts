/**
 * Just enough XML for the parts of an XLSX file we read (workbook, relationships, shared strings,
 * one worksheet): elements with attributes, text with entities, CDATA. Names are given without
 * their namespace prefix (`x:c` → `c`): some writers prefix every SpreadsheetML element.
 * No DTDs are honoured (so no entity expansion bombs): `<!DOCTYPE …>` is skipped.
 */
export type XmlEvent =
  | { type: 'open'; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { type: 'close'; name: string }
  | { type: 'text'; text: string };

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e[0] !== '#') return ENTITIES[e] ?? m;
    const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  });
}

const localName = (n: string): string => n.slice(n.indexOf(':') + 1);

function parseAttrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(/([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out[localName(m[1]!)] = decodeEntities(m[2] ?? m[3] ?? '');
  return out;
}

/** The events of a document, in order. */
export function* xmlEvents(xml: string): Generator<XmlEvent> {
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      if (i < n) yield { type: 'text', text: decodeEntities(xml.slice(i)) };
      return;
    }
    if (lt > i) yield { type: 'text', text: decodeEntities(xml.slice(i, lt)) };
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt);
      const stop = end < 0 ? n : end;
      yield { type: 'text', text: xml.slice(lt + 9, stop) };
      i = stop + 3;
      continue;
    }
    const skip = xml.startsWith('<!--', lt) ? '-->' : xml[lt + 1] === '?' ? '?>' : xml[lt + 1] === '!' ? '>' : null;
    if (skip) {
      const end = xml.indexOf(skip, lt);
      i = end < 0 ? n : end + skip.length;
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (gt < 0) return;
    const body = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (body[0] === '/') {
      yield { type: 'close', name: localName(body.slice(1).trim()) };
      continue;
    }
    const selfClosing = body.endsWith('/');
    const inner = selfClosing ? body.slice(0, -1) : body;
    const sp = inner.search(/\s/);
    const name = localName(sp < 0 ? inner : inner.slice(0, sp));
    yield { type: 'open', name, attrs: sp < 0 ? {} : parseAttrs(inner.slice(sp)), selfClosing };
  }
}
