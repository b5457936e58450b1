import { installOutboundGuard } from '../server/outbound-guard.js';
import { startStudioApp } from './studio-app.js';

/*
 * The desktop app's entry (npm start → electron dist/main/app/main.js). Offline, proven: the same
 * outbound-socket guard as browser mode. No top-level await before startStudioApp, so the
 * privileged scheme is registered before Electron's `ready`.
 */
installOutboundGuard();
startStudioApp();
