import { expectTypeOf, it } from 'vitest';
import type { StudioBridge } from '../../main/core/bridge.js';
import type { studioBridge } from '../../main/app/preload.js';
import type { Transport } from '../../renderer/src/data/transport.js';

// The bridge is declared once (main/core/bridge.ts): the preload builds it, the page's transport holds it.
it('the preload and the page use the one bridge type', () => {
  expectTypeOf<ReturnType<typeof studioBridge>>().toEqualTypeOf<StudioBridge>();
  expectTypeOf<Transport['desktop']>().toEqualTypeOf<StudioBridge | undefined>();
});
