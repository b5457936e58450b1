import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { StudioError } from '../core/index.js';
import { readJsonFile, writeJsonFile } from './json-file.js';
import { normalizeFingerprint } from './tls.js';

/** Where a user's confirmed servers are kept: beside their local library, in their own data folder. */
export function defaultKnownServersFile(home: string = homedir()): string {
  return join(home, '反诈物料工作室', '团队服务器.json');
}

const FileSchema = z.object({
  servers: z.record(z.string(), z.object({ fingerprint: z.string(), confirmedAt: z.string() })),
});

/**
 * Servers whose certificate fingerprint the user confirmed once (like ssh's known_hosts): later
 * connections are pinned to it, and a changed certificate is refused until confirmed again.
 */
export class KnownServers {
  constructor(readonly file: string = defaultKnownServersFile()) {}

  private load() {
    return readJsonFile(this.file, FileSchema, { servers: {} }, '已确认服务器列表');
  }

  /** The confirmed fingerprint of a server (by origin), if any. */
  async get(origin: string): Promise<string | undefined> {
    return (await this.load()).servers[new URL(origin).origin]?.fingerprint;
  }

  /** Remember a confirmed fingerprint. */
  async set(origin: string, fingerprint: string): Promise<void> {
    const fp = normalizeFingerprint(fingerprint);
    if (!fp) throw new StudioError('invalid-input', `证书指纹格式不对：${fingerprint}`);
    const data = await this.load();
    data.servers[new URL(origin).origin] = { fingerprint: fp, confirmedAt: new Date().toISOString() };
    await this.save(data);
  }

  private save(data: z.infer<typeof FileSchema>): Promise<void> {
    return writeJsonFile(this.file, data);
  }

  async forget(origin: string): Promise<boolean> {
    const data = await this.load();
    const key = new URL(origin).origin;
    if (!data.servers[key]) return false;
    delete data.servers[key];
    await this.save(data);
    return true;
  }
}
