import { UsageError } from '../io.js';

/** `kit market …` and `kit grid …`: the event kits (反诈小铺套装, 网格群宣防包). */
export async function kitCommand(argv: string[]): Promise<number> {
  const [which, ...rest] = argv;
  if (which === 'market') return (await import('./kit-market.js')).kitMarketCommand(rest);
  if (which === 'grid') return (await import('./kit-grid.js')).kitGridCommand(rest);
  throw new UsageError(`kit 后应为 market（反诈小铺套装）或 grid（网格群宣防包），收到「${which ?? ''}」`);
}
