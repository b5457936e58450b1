import { expectTypeOf, it } from 'vitest';
import type { MenuCommand as MainMenu, StudioCommand as MainCommand } from '../../main/app/channels.js';
import type { DialogValue as MainDialogValue } from '../../main/app/dialogs.js';
import type {
  DialogValue as PageDialogValue,
  MenuCommand as PageMenu,
  StudioCommand as PageCommand,
} from '../../renderer/src/data/api-client.js';

// The page may not import main/app, so it repeats these shapes; the typecheck fails if they drift.
it('the page and the main side agree on menu commands and dialog answers', () => {
  expectTypeOf<PageMenu>().toEqualTypeOf<MainMenu>();
  expectTypeOf<PageCommand>().toEqualTypeOf<MainCommand>();
  expectTypeOf<PageDialogValue>().toEqualTypeOf<MainDialogValue>();
});
