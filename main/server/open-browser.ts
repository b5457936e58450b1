import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** A program on the PATH (no shell involved), or undefined. */
function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const p = join(dir, name);
    if (dir && existsSync(p)) return p;
  }
  return undefined;
}

/**
 * The command that opens a URL in the system's browser, or undefined where there is none (a
 * server, an SSH session, a Linux desktop without xdg-open). No shell: the URL is one argument.
 */
export function browserCommand(
  url: string,
  platform: NodeJS.Platform = process.platform,
): [string, string[]] | undefined {
  if (platform === 'win32') return ['rundll32', ['url.dll,FileProtocolHandler', url]];
  if (platform === 'darwin') return ['open', [url]];
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return undefined;
  const opener = onPath('xdg-open');
  return opener ? [opener, [url]] : undefined;
}

/**
 * Open the URL in the system's browser where there is one. Never fails: the caller prints the
 * URL either way. Resolves true once the opener started (the browser itself may still fail).
 */
export function openInBrowser(url: string): Promise<boolean> {
  const cmd = browserCommand(url);
  if (!cmd) return Promise.resolve(false);
  return new Promise((resolve) => {
    try {
      const child = spawn(cmd[0], cmd[1], { detached: true, stdio: 'ignore', windowsHide: true });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}
