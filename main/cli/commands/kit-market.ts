export async function kitMarketCommand(argv: string[]): Promise<number> {
  throw new Error(`not yet: ${argv.join(' ')}`);
}
