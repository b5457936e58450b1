// Types of scripts/extract-illustrations.mjs, for the tests that call it.
export type Segment = ['M' | 'L', number, number] | ['C', number, number, number, number, number, number] | ['Z'];
export interface Shape {
  d: string;
  fill: string;
  opacity?: number;
  evenOdd?: boolean;
}
export function parseTransform(attr: string): [number, number, number, number, number, number];
export function parsePath(d: string): Segment[];
export function writeSegments(segs: Segment[], m?: readonly number[]): string;
export function iconShapes(name: string, body: string): Shape[];
export function extract(): string;
