import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StudioError } from '../../core/index.js';
import { isDesignFileName } from '../../core/design-file.js';
import { StatusSchema, STATUSES, type Status, type TeamSearchQuery } from '../../team/api.js';
import type { TeamClient } from '../../team/client.js';
import { parse } from '../args.js';
import { err, out, UsageError } from '../io.js';
import { fraudId, kindId, META, metaFrom } from './library.js';
import { actionName, intOption, localTime, sampleDetail, sampleLine } from './team-io.js';

const FILTERS = {
  kind: { type: 'string', multiple: true },
  'fraud-type': { type: 'string', multiple: true },
  unit: { type: 'string', multiple: true },
  status: { type: 'string', multiple: true },
  from: { type: 'string' },
  to: { type: 'string' },
  mine: { type: 'boolean' },
} as const;

/** A status by id or Chinese name (已发布, 待审核…). */
function statusId(s: string): Status {
  const id = Object.entries(STATUSES).find(([k, v]) => k === s || v === s)?.[0] ?? s;
  const r = StatusSchema.safeParse(id);
  if (!r.success)
    throw new UsageError(`状态应为 draft|submitted|approved|rejected（草稿、待审核、已发布、已退回），收到「${s}」`);
  return r.data;
}

function filtersFrom(
  text: string,
  v: {
    [K in keyof typeof FILTERS]?: (typeof FILTERS)[K] extends { multiple: true }
      ? string[]
      : K extends 'mine'
        ? boolean
        : string;
  },
): TeamSearchQuery {
  return {
    text,
    kind: (v.kind ?? []).map(kindId) as TeamSearchQuery['kind'],
    fraudType: (v['fraud-type'] ?? []).map(fraudId) as TeamSearchQuery['fraudType'],
    unit: v.unit ?? [],
    status: (v.status ?? []).map(statusId),
    ...(v.from ? { from: v.from } : {}),
    ...(v.to ? { to: v.to } : {}),
    mine: v.mine ?? false,
  };
}

/**
 * `submit FILE…`: each design is rendered (PDF, PNG, thumbnail) and each image or PDF checked,
 * into a temporary local library as the studio does, then pushed — by content hash, so running
 * the same submit again after an interruption adds nothing twice.
 */
async function submit(client: TeamClient, args: string[]): Promise<number> {
  const { values, positionals } = parse(
    args,
    { ...META, draft: { type: 'boolean' }, replace: { type: 'string' }, json: { type: 'boolean' } },
    true,
  );
  if (!positionals.length) throw new UsageError('submit 需要设计文件（.csdesign/.json）或图片、PDF');
  if (values.replace && positionals.length !== 1) throw new UsageError('--replace 时只能给一个文件');
  const meta = metaFrom(values);
  const { Library } = await import('../../library/library.js');
  const { pushLocalSample, replaceWithLocalSample } = await import('../../team/push.js');
  const dir = await mkdtemp(join(tmpdir(), 'cs-team-submit-'));
  const lib = await Library.open(dir);
  const results = [];
  try {
    for (const file of positionals) {
      const st = await stat(file).catch(() => null);
      if (!st?.isFile()) throw new StudioError('invalid-input', `找不到文件 ${file}（文件夹请逐个列出其中的文件）`);
      let localId: string;
      if (isDesignFileName(file)) {
        const { readDesignFile } = await import('../../engine/load-design.js');
        const { publishDesign } = await import('../../server/publish.js');
        localId = (await publishDesign(lib, await readDesignFile(file), meta)).id;
      } else {
        const { importFile } = await import('../../library/import-files.js');
        localId = (await importFile(lib, file, meta)).sample.id;
      }
      const submitNow = !values.draft;
      if (values.replace) {
        const s = await replaceWithLocalSample(client, lib, localId, values.replace, { submit: submitNow });
        results.push(s);
        if (!values.json) out(`已${submitNow ? '重新提交' : '修改'} ${sampleLine(s)}`);
      } else {
        const r = await pushLocalSample(client, lib, localId, { submit: submitNow });
        results.push(r.sample);
        if (!values.json)
          out(
            r.duplicate
              ? `已存在（此前已推送，未重复添加） ${sampleLine(r.sample)}`
              : `已${submitNow ? '提交' : '存为草稿'} ${sampleLine(r.sample)}`,
          );
      }
    }
  } finally {
    lib.close();
    await rm(dir, { recursive: true, force: true });
  }
  if (values.json) out(JSON.stringify(results, null, 2));
  return 0;
}

/** The sample subcommands of `team`; null when `sub` is not one of them. */
export async function teamSamplesCommand(client: TeamClient, sub: string, args: string[]): Promise<number | null> {
  switch (sub) {
    case 'submit':
      return submit(client, args);
    case 'search': {
      const { values, positionals } = parse(
        args,
        { ...FILTERS, limit: { type: 'string' }, json: { type: 'boolean' } },
        true,
      );
      const limit = intOption('--limit', values.limit, 50, 1000);
      const r = await client.call('search', { ...filtersFrom(positionals.join(' '), values), limit });
      if (values.json)
        out(
          JSON.stringify(
            r.hits.map((h) => h.sample),
            null,
            2,
          ),
        );
      else {
        for (const h of r.hits) out(sampleLine(h.sample));
        out(
          `共 ${r.total}${r.totalCapped ? '+' : ''} 个${r.hits.length < r.total ? `，显示前 ${r.hits.length} 个` : ''}`,
        );
      }
      return 0;
    }
    case 'show': {
      const { values, positionals } = parse(args, { json: { type: 'boolean' } }, true);
      if (positionals.length !== 1) throw new UsageError('show 需要一个样本编号');
      const r = await client.call('sample', { id: positionals[0]! });
      if (values.json) out(JSON.stringify(r, null, 2));
      else {
        out(sampleDetail(r.sample));
        for (const h of r.history)
          out(
            `  ${localTime(h.at)}  ${h.actor}（${h.actorUnit || '—'}）  ${actionName(h.action)}${h.comment ? `：${h.comment}` : ''}`,
          );
      }
      return 0;
    }
    case 'review': {
      const [what, ...rest] = args;
      if (what !== 'list') throw new UsageError('用法：team … review list [--status 状态] [--json]');
      const { values } = parse(rest, { status: { type: 'string', multiple: true }, json: { type: 'boolean' } });
      const r = await client.call('reviewList', { ...(values.status ? { status: values.status.map(statusId) } : {}) });
      if (values.json) out(JSON.stringify(r.samples, null, 2));
      else if (!r.samples.length) out('没有待处理的样本');
      else for (const s of r.samples) out(sampleLine(s));
      return 0;
    }
    case 'approve':
    case 'reject': {
      const { values, positionals } = parse(args, { comment: { type: 'string' } }, true);
      if (positionals.length !== 1) throw new UsageError(`${sub} 需要一个样本编号`);
      if (sub === 'reject' && !values.comment?.trim())
        throw new UsageError('reject 需要 --comment 退回意见（作者会看到）');
      const r =
        sub === 'approve'
          ? await client.call('approveSample', {
              id: positionals[0]!,
              ...(values.comment ? { comment: values.comment } : {}),
            })
          : await client.call('rejectSample', { id: positionals[0]!, comment: values.comment! });
      out(`${sub === 'approve' ? '已通过，全市可见' : '已退回作者'} ${sampleLine(r.sample)}`);
      return 0;
    }
    case 'delete': {
      const { positionals } = parse(args, {}, true);
      if (positionals.length !== 1) throw new UsageError('delete 需要一个样本编号');
      await client.call('deleteSample', { id: positionals[0]! });
      out(`已删除 ${positionals[0]}`);
      return 0;
    }
    case 'pull': {
      const { values, positionals } = parse(
        args,
        { ...FILTERS, out: { type: 'string' }, library: { type: 'string' } },
        true,
      );
      if (!values.out === !values.library)
        throw new UsageError('pull 需要 --out 文件夹 或 --library 本机素材库（二选一）');
      const { status: _s, ...filters } = filtersFrom(positionals.join(' '), values);
      const { pullToFolder, pullToLibrary } = await import('../../team/pull.js');
      const each = (s: { id: string; title: string }, fresh: boolean) =>
        fresh && err(`已下载 ${s.id.slice(0, 8)} ${s.title}`);
      let r;
      if (values.out) r = await pullToFolder(client, values.out, filters, each);
      else {
        const { Library } = await import('../../library/library.js');
        const lib = await Library.open(values.library!);
        try {
          r = await pullToLibrary(client, lib, filters, each);
        } finally {
          lib.close();
        }
      }
      out(`完成：新下载 ${r.pulled} 个样本（${r.files} 个文件），已有 ${r.unchanged} 个`);
      return 0;
    }
    default:
      return null;
  }
}
