// The layering rule of DESIGN.md §3 as an ESLint rule, so `npm test` fails when a file imports
// across a layer it may not. Every way a module can be named is checked: import/export ... from,
// import(), require(); in core and the renderer a module named by an expression is refused outright,
// since no tool can tell where it leads.
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Which layers each layer may import. `node` is the small Node layer under the engine and the
 * library (atomic file writing): what both need, written once, without either importing the other.
 */
export const ALLOWED = {
  core: ['core'],
  node: ['core', 'node'],
  engine: ['core', 'node', 'engine'],
  library: ['core', 'node', 'library'],
  team: ['core', 'node', 'library', 'team'],
  server: ['core', 'node', 'engine', 'library', 'team', 'server'],
  cli: ['core', 'node', 'engine', 'library', 'team', 'server', 'cli'],
  app: ['core', 'node', 'engine', 'library', 'team', 'server', 'app'],
  renderer: ['core', 'renderer'],
};

/** Packages a layer may use. Core is pure TypeScript plus a few pure libraries; the renderer runs in a page. */
export const PACKAGES = {
  core: /^(zod(\/.*)?|pinyin-pro|opencc-js)$/,
  renderer: /^(lit|lit\/.*|@lit\/.*|pinyin-pro|opencc-js)$/,
};

/** Layers where a module must be named by a literal, so the rule above can see it. */
const LITERAL_ONLY = new Set(['core', 'renderer']);

/** The layer of an absolute path, or null outside main/ and renderer/. */
export function layerOf(abs) {
  const rel = relative(ROOT, abs).split(sep);
  if (rel[0] === 'main') return rel.length > 2 ? rel[1] : null;
  if (rel[0] === 'renderer') return 'renderer';
  return null;
}

/** The string a module specifier node names, or null when it is computed. */
function literalOf(node) {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  return null;
}

function check(context, from, file, node, spec) {
  if (spec.startsWith('.')) {
    const target = resolve(dirname(file), spec);
    const to = layerOf(target);
    if (to === null && LITERAL_ONLY.has(from)) {
      context.report({ node, message: `${from} may not import "${spec}": it lies outside main/ and renderer/` });
    } else if (to !== null && !ALLOWED[from].includes(to)) {
      context.report({ node, message: `${from} may not import ${to} ("${spec}"; DESIGN.md §3)` });
    }
    return;
  }
  if ((spec === 'electron' || spec.startsWith('electron/')) && from !== 'app') {
    context.report({ node, message: `only main/app imports electron ("${spec}" in ${from})` });
    return;
  }
  const allowed = PACKAGES[from];
  if (allowed && !allowed.test(spec)) context.report({ node, message: `${from} may not import the package "${spec}"` });
}

export const layersRule = {
  meta: {
    type: 'problem',
    schema: [],
    docs: { description: 'Each layer imports only the layers below it (DESIGN.md §3).' },
  },
  create(context) {
    const file = context.filename;
    const from = layerOf(file);
    if (!from) return {};
    const source = (node, src) => {
      const spec = literalOf(src);
      if (spec !== null) check(context, from, file, node, spec);
      else if (LITERAL_ONLY.has(from))
        context.report({ node, message: `${from} must name modules by a literal string` });
    };
    return {
      ImportDeclaration: (n) => source(n, n.source),
      ExportNamedDeclaration: (n) => n.source && source(n, n.source),
      ExportAllDeclaration: (n) => source(n, n.source),
      ImportExpression: (n) => source(n, n.source),
      TSImportType: (n) => source(n, n.source ?? n.argument?.literal),
      CallExpression(n) {
        const c = n.callee;
        const isRequire = c.type === 'Identifier' && c.name === 'require';
        const isResolve =
          c.type === 'MemberExpression' &&
          c.object.type === 'Identifier' &&
          c.object.name === 'require' &&
          c.property.name === 'resolve';
        if (isRequire || isResolve) source(n, n.arguments[0]);
      },
    };
  },
};

export default { rules: { layers: layersRule } };
