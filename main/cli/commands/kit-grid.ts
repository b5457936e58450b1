export async function kitGridCommand(argv: string[]): Promise<number> {
  throw new Error(`not yet: ${argv.join(' ')}`);
}
