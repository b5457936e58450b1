/**
 * A strict well-formedness check of an XML document (XML 1.0 as Office readers need it): one
 * declaration at the very start, one root, every tag closed in order with the same qualified name,
 * attributes quoted and unique, `<` never raw in text or values, `&` only as one of the five
 * entities or a character reference, no forbidden control characters. Returns the problems found.
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(xml)) problems.push('forbidden control character');
  const badAmp = /&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.exec(xml);
  if (badAmp) problems.push(`bare & at ${badAmp.index}`);
  let s = xml;
  if (s.startsWith('\uFEFF')) s = s.slice(1);
  const decl = /^<\?xml\s+version="1\.0"[^?]*\?>/.exec(s);
  if (!decl) problems.push('no XML declaration at the start');
  else s = s.slice(decl[0].length);
  if (s.slice(1).includes('<?xml')) problems.push('a second declaration');
  const stack: string[] = [];
  let roots = 0;
  const token =
    /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<|>/g;
  let last = 0;
  for (let m = token.exec(s); m; m = token.exec(s)) {
    const text = s.slice(last, m.index);
    last = token.lastIndex;
    if (stack.length === 0 && text.trim()) problems.push(`text outside the root: ${text.trim().slice(0, 20)}`);
    if (m[0] === '<') {
      problems.push(`malformed tag at ${m.index}: ${s.slice(m.index, m.index + 40)}`);
      break;
    }
    if (m[0] === '>') continue; // a > in text is allowed
    if (m[0].startsWith('<!')) continue;
    const [, close, name, attrs, self] = m;
    if (close) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? '(nothing)'}>`);
      continue;
    }
    const names = [...(attrs ?? '').matchAll(/([A-Za-z_][\w.:-]*)\s*=/g)].map((a) => a[1]);
    if (new Set(names).size !== names.length) problems.push(`<${name}> repeats an attribute`);
    if (stack.length === 0) roots++;
    if (!self) stack.push(name!);
  }
  if (s.slice(last).trim()) problems.push('text after the root');
  if (stack.length) problems.push(`unclosed: ${stack.join(' > ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}
