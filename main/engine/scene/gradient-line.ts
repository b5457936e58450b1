/**
 * The line a linear gradient runs along over a rectangle, CSS convention: 0° top to bottom, 90°
 * left to right, the line long enough that the first and last stops reach the corners.
 */
export function gradientLine(
  r: { x: number; y: number; w: number; h: number },
  angleDeg: number,
): { x1: number; y1: number; x2: number; y2: number } {
  const a = (angleDeg * Math.PI) / 180;
  const dx = Math.sin(a);
  const dy = Math.cos(a);
  const half = (Math.abs(r.w * dx) + Math.abs(r.h * dy)) / 2;
  const cx = r.x + r.w / 2;
  const cy = r.y + r.h / 2;
  return { x1: cx - dx * half, y1: cy - dy * half, x2: cx + dx * half, y2: cy + dy * half };
}
