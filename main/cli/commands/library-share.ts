import { writeFile } from 'node:fs/promises';
import { SAMPLE_KINDS, type Sample } from '../../core/index.js';
import { FRAUD_TYPES } from '../../core/slogan/vocabulary.js';
import type { Library } from '../../library/library.js';
import { search } from '../../library/search.js';
import { choiceOption, numberOption, parse } from '../args.js';
import { err, out, UsageError } from '../io.js';
import { fraudId, kindId, metaFrom } from './library.js';

const mark = (s: string) =>
  s
    .replace(/<mark>/g, '【')
    .replace(/<\/mark>/g, '】')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
const fraudName = (id: string) => (FRAUD_TYPES as Record<string, string>)[id] ?? id;

export function describe(s: Sample): string {
  return [
    `${s.id}  ${s.title}${s.trashedAt ? '（回收站）' : ''}`,
    `  类型：${SAMPLE_KINDS[s.kind]}  规格：${s.format || '—'}  发布：${s.publishedAt}`,
    `  单位：${s.unit || '—'}  地点：${s.location || '—'}  渠道：${s.channel || '—'}`,
    `  诈骗类型：${s.fraudTypes.map(fraudName).join('、') || '—'}  标签：${s.tags.join('、') || '—'}`,
    ...(s.slogan ? [`  标语：${s.slogan}`] : []),
    ...(s.notes ? [`  备注：${s.notes}`] : []),
    ...s.files.map((f) => `  文件 ${f.role.padEnd(9)} ${f.name}（${f.size} 字节，${f.sha256.slice(0, 12)}）`),
  ].join('\n');
}

/** A month or day for --from / --to. */
function month(option: string, v: string): string {
  if (/^\d{4}-\d{2}(-\d{2})?$/.test(v)) return v;
  throw new UsageError(`${option} 应写成 YYYY-MM 或 YYYY-MM-DD（如 2025-03），收到「${v}」`);
}

/** The searched fields as users know them. */
const FIELD_LABELS: Record<string, string> = {
  slogan: '标语',
  tags: '标签',
  unit: '单位',
  location: '地点',
  notes: '备注',
  title: '标题',
};

export async function libraryShareCommand(lib: Library, sub: string, args: string[]): Promise<number> {
  switch (sub) {
    case 'search': {
      const { values, positionals } = parse(
        args,
        {
          kind: { type: 'string', multiple: true },
          'fraud-type': { type: 'string', multiple: true },
          unit: { type: 'string', multiple: true },
          channel: { type: 'string', multiple: true },
          tag: { type: 'string', multiple: true },
          from: { type: 'string' },
          to: { type: 'string' },
          sort: { type: 'string' },
          limit: { type: 'string' },
          offset: { type: 'string' },
          trashed: { type: 'boolean' },
          json: { type: 'boolean' },
        },
        true,
      );
      const r = search(lib, {
        text: positionals.join(' '),
        kind: (values.kind ?? []).map(kindId) as never,
        fraudType: (values['fraud-type'] ?? []).map(fraudId) as never,
        unit: values.unit ?? [],
        channel: values.channel ?? [],
        tags: values.tag ?? [],
        from: values.from ? month('--from', values.from) : undefined,
        to: values.to ? month('--to', values.to) : undefined,
        sort: choiceOption('--sort', values.sort || undefined, ['relevance', 'date', 'title'] as const),
        limit: numberOption('--limit', values.limit, { min: 1, max: 1000, integer: true }) ?? 50,
        offset: numberOption('--offset', values.offset, { min: 0, max: 1_000_000, integer: true }) ?? 0,
        trashed: values.trashed ?? false,
        facets: !values.json,
      });
      if (values.json) {
        out(
          JSON.stringify(
            r.hits.map((h) => ({ ...h.sample, highlights: h.highlights })),
            null,
            2,
          ),
        );
        return 0;
      }
      out(`找到 ${r.total} 个样本${r.total > r.hits.length ? `，显示 ${r.hits.length} 个` : ''}`);
      for (const h of r.hits) {
        out(
          `${h.sample.id.slice(0, 8)}  ${h.sample.publishedAt}  ${SAMPLE_KINDS[h.sample.kind]}  ${mark(h.highlights.title ?? h.sample.title)}`,
        );
        for (const [f, v] of Object.entries(h.highlights))
          if (f !== 'title') out(`          ${FIELD_LABELS[f] ?? f}：${mark(v)}`);
      }
      return 0;
    }
    case 'show': {
      const { values, positionals } = parse(args, { json: { type: 'boolean' } }, true);
      if (positionals.length !== 1) throw new UsageError('show 需要一个样本编号');
      const s = lib.find(positionals[0]!);
      out(values.json ? JSON.stringify(s, null, 2) : describe(s));
      return 0;
    }
    case 'edit': {
      const { values, positionals } = parse(
        args,
        {
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
        },
        true,
      );
      if (positionals.length !== 1) throw new UsageError('edit 需要一个样本编号');
      out(describe(lib.update(positionals[0]!, metaFrom(values))));
      return 0;
    }
    case 'trash':
    case 'restore-sample':
    case 'purge': {
      const { positionals } = parse(args, {}, true);
      if (!positionals.length) throw new UsageError(`${sub} 需要样本编号`);
      for (const id of positionals) {
        if (sub === 'purge') await lib.purge(id);
        else if (sub === 'trash') lib.trash(id);
        else lib.restore(id);
        out(`${sub === 'trash' ? '已移入回收站' : sub === 'purge' ? '已彻底删除' : '已还原'} ${id}`);
      }
      return 0;
    }
    case 'duplicate': {
      const { values, positionals } = parse(args, { out: { type: 'string' } }, true);
      if (positionals.length !== 1 || !values.out) throw new UsageError('duplicate 需要样本编号和 --out 设计.json');
      const { duplicateAsDesign } = await import('../../library/sample-design.js');
      const { design } = await duplicateAsDesign(lib, positionals[0]!);
      await writeFile(values.out, JSON.stringify(design, null, 2));
      out(`已另存为新设计 ${values.out}`);
      return 0;
    }
    case 'export': {
      const { values, positionals } = parse(args, { out: { type: 'string' }, query: { type: 'string' } }, true);
      if (!values.out) throw new UsageError('export 需要 --out 文件.zip');
      const samples = positionals.length
        ? positionals.map((id) => lib.find(id))
        : search(lib, { text: values.query ?? '', limit: 1000, sort: 'date' }).hits.map((h) => h.sample);
      const { exportBundle } = await import('../../library/bundle-export.js');
      const r = await exportBundle(lib, samples, values.out);
      out(`已导出 ${r.samples} 个样本（${r.files} 个文件）到 ${values.out}`);
      return 0;
    }
    case 'import-bundle': {
      const { positionals } = parse(args, {}, true);
      if (positionals.length !== 1) throw new UsageError('import-bundle 需要一个文件包 .zip');
      const { importBundle } = await import('../../library/bundle-import.js');
      const r = await importBundle(lib, positionals[0]!);
      out(`已导入 ${r.added.length} 个样本，跳过已有的 ${r.skipped.length} 个`);
      return 0;
    }
    case 'stats': {
      const { values } = parse(args, { json: { type: 'boolean' } });
      const { stats } = await import('../../library/stats.js');
      const s = stats(lib);
      if (values.json) out(JSON.stringify(s, null, 2));
      else {
        out(
          `样本 ${s.total} 个（回收站 ${s.trashed} 个），文件 ${s.files} 个，共 ${(s.bytes / 1024 ** 2).toFixed(1)} MB`,
        );
        const line = (label: string, m: Record<string, number>, name = (k: string) => k) =>
          out(
            `${label}：${
              Object.entries(m)
                .map(([k, v]) => `${name(k)} ${v}`)
                .join('，') || '—'
            }`,
          );
        line('按月', s.byMonth);
        line('按类型', s.byKind, (k) => (SAMPLE_KINDS as Record<string, string>)[k] ?? k);
        line('按诈骗类型', s.byFraudType, fraudName);
        line('按单位', s.byUnit);
      }
      return 0;
    }
    case 'check': {
      const { values } = parse(args, { quick: { type: 'boolean' }, json: { type: 'boolean' } });
      const { checkLibrary } = await import('../../library/check.js');
      const r = await checkLibrary(lib, { quick: values.quick ?? false });
      if (values.json) out(JSON.stringify(r, null, 2));
      else if (r.ok) out(`素材库完好：${r.samples} 个样本，${r.files} 个文件`);
      else {
        err(`素材库有 ${r.problems.length} 处问题：`);
        for (const p of r.problems) err(`  - ${p}`);
      }
      return r.ok ? 0 : 1;
    }
    case 'backup': {
      const { values } = parse(args, { out: { type: 'string' } });
      if (!values.out) throw new UsageError('backup 需要 --out 备份文件.zip');
      const { backupLibrary } = await import('../../library/backup.js');
      const r = await backupLibrary(lib, values.out);
      out(`已备份素材库（${r.files} 个文件）到 ${values.out}`);
      return 0;
    }
    default:
      throw new UsageError(`没有「${sub}」这个 library 子命令`);
  }
}
