import { stat } from 'node:fs/promises';
import { SAMPLE_KINDS, SampleMetaPatchSchema, StudioError, type SampleMetaInput } from '../../core/index.js';
import { FRAUD_TYPES } from '../../core/slogan/vocabulary.js';
import { readDesignFile } from '../../engine/load-design.js';
import { Library } from '../../library/library.js';
import { parse } from '../args.js';
import { err, out, progressReporter, UsageError } from '../io.js';
import { libraryShareCommand } from './library-share.js';

export const META = {
  title: { type: 'string' },
  slogan: { type: 'string' },
  kind: { type: 'string' },
  'fraud-type': { type: 'string', multiple: true },
  unit: { type: 'string' },
  location: { type: 'string' },
  channel: { type: 'string' },
  date: { type: 'string' },
  tags: { type: 'string' },
  notes: { type: 'string' },
} as const;

type MetaValues = { [K in keyof typeof META]?: (typeof META)[K] extends { multiple: true } ? string[] : string };

/** An id or its Chinese name from a table of choices; anything else is a usage error listing them. */
function pick(option: string, table: Record<string, string>, s: string): string {
  const hit = Object.entries(table).find(([id, name]) => id === s || name === s);
  if (hit) return hit[0];
  const choices = Object.entries(table)
    .map(([id, name]) => `${name}（${id}）`)
    .join('、');
  throw new UsageError(`${option} 不认识「${s}」；可选：${choices}`);
}

/** A fraud type or sample kind by id or Chinese name. */
export const fraudId = (s: string) => pick('--fraud-type', FRAUD_TYPES, s);
export const kindId = (s: string) => pick('--kind', SAMPLE_KINDS, s);

/** The option that sets each metadata field, for messages. */
const FIELD_OPTION: Record<string, string> = { publishedAt: '--date', fraudTypes: '--fraud-type' };

export function metaFrom(v: MetaValues): Partial<SampleMetaInput> {
  const m: Record<string, unknown> = {};
  if (v.title !== undefined) m.title = v.title;
  if (v.slogan !== undefined) m.slogan = v.slogan;
  if (v.kind !== undefined) m.kind = kindId(v.kind);
  if (v['fraud-type']?.length)
    m.fraudTypes = v['fraud-type']
      .flatMap((s) => s.split(/[,，]/))
      .filter(Boolean)
      .map(fraudId);
  if (v.unit !== undefined) m.unit = v.unit;
  if (v.location !== undefined) m.location = v.location;
  if (v.channel !== undefined) m.channel = v.channel;
  if (v.date !== undefined) m.publishedAt = v.date;
  if (v.tags !== undefined)
    m.tags = v.tags
      .split(/[,，]/)
      .map((t) => t.trim())
      .filter(Boolean);
  if (v.notes !== undefined) m.notes = v.notes;
  const r = SampleMetaPatchSchema.safeParse(m);
  if (!r.success) {
    const [issue] = r.error.issues;
    const field = String(issue?.path[0] ?? '');
    throw new UsageError(`${FIELD_OPTION[field] ?? `--${field}`} 的值不对：${issue?.message ?? ''}`);
  }
  return m as Partial<SampleMetaInput>;
}

/** Every library subcommand, in the order the help lists them. */
export const LIBRARY_SUBCOMMANDS = [
  'import',
  'publish',
  'search',
  'show',
  'edit',
  'duplicate',
  'trash',
  'restore-sample',
  'purge',
  'export',
  'import-bundle',
  'stats',
  'check',
  'backup',
  'restore',
];

/** `library --dir DIR SUBCOMMAND …`: --dir may come before or after the subcommand. */
export async function libraryCommand(argv: string[]): Promise<number> {
  let dir: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--dir') dir = argv[++i];
    else if (a.startsWith('--dir=')) dir = a.slice(6);
    else rest.push(a);
  }
  const [sub, ...args] = rest;
  if (!dir) throw new UsageError('library 需要 --dir 素材库文件夹');
  if (!sub) throw new UsageError(`library 需要子命令：${LIBRARY_SUBCOMMANDS.join('、')}`);
  if (!LIBRARY_SUBCOMMANDS.includes(sub))
    throw new UsageError(`没有「${sub}」这个 library 子命令；可用：${LIBRARY_SUBCOMMANDS.join('、')}`);
  if (sub === 'restore') {
    const { values } = parse(args, { from: { type: 'string' } });
    if (!values.from) throw new UsageError('restore 需要 --from 备份文件.zip');
    const { restoreLibrary } = await import('../../library/backup.js');
    const r = await restoreLibrary(values.from, dir);
    out(`已从 ${values.from} 恢复素材库到 ${dir}（${r.files} 个文件）`);
    return 0;
  }
  const lib = await Library.open(dir);
  try {
    switch (sub) {
      case 'import': {
        const { values, positionals } = parse(args, { ...META, json: { type: 'boolean' } }, true);
        if (!positionals.length) throw new UsageError('import 需要文件或文件夹');
        const meta = metaFrom(values);
        const { importFile, importFolder } = await import('../../library/import-files.js');
        let failed = 0;
        for (const p of positionals) {
          const st = await stat(p).catch(() => null);
          if (!st) throw new StudioError('invalid-input', `找不到「${p}」：请核对文件或文件夹的路径`);
          if (st.isDirectory()) {
            const progress = progressReporter('导入');
            const r = await importFolder(lib, p, meta, (e) => {
              if (e.error) err(`失败 ${e.path}：${e.error.full}`);
              else if (e.result) out(`${e.result.duplicate ? '已存在' : '已导入'} ${e.result.sample.id} ${e.path}`);
              progress(e.done, e.total);
            });
            for (const s of r.skipped) err(`跳过 ${s.path}：${s.reason}`);
            failed += r.failed;
            out(
              `完成：导入 ${r.imported}，已存在 ${r.duplicates}，失败 ${r.failed}，跳过 ${r.skipped.length}${r.skipped.length ? '（逐个列在上面）' : ''}`,
            );
          } else {
            const r = await importFile(lib, p, meta);
            out(`${r.duplicate ? '已存在' : '已导入'} ${r.sample.id} ${p}`);
          }
        }
        return failed ? 1 : 0;
      }
      case 'publish': {
        const { values, positionals } = parse(args, { ...META, json: { type: 'boolean' } }, true);
        if (positionals.length !== 1) throw new UsageError('publish 需要一个设计文件');
        const { publishDesign } = await import('../../server/publish.js');
        const s = await publishDesign(lib, await readDesignFile(positionals[0]!), metaFrom(values));
        out(values.json ? JSON.stringify(s, null, 2) : `已发布 ${s.id} ${s.title}`);
        return 0;
      }
      default:
        return await libraryShareCommand(lib, sub, args);
    }
  } finally {
    lib.close();
  }
}
