// The looks of seat states, shared by the map and its legend: a colour per category for free seats, and a
// pattern (not only a colour) for every state a buyer cannot take.

export const CATEGORY_COLOURS = ['#2e7d32', '#1565c0', '#8e24aa', '#ef6c00', '#00838f', '#ad1457'];

export type PatternName = 'H' | 'S' | 'B';

/** A small tile of the state's pattern, in screen pixels. */
export function patternTile(state: PatternName, ratio: number): HTMLCanvasElement {
  const size = Math.round(6 * ratio);
  const tile = document.createElement('canvas');
  tile.width = size;
  tile.height = size;
  const c = tile.getContext('2d')!;
  if (state === 'H') {
    c.fillStyle = '#f2f2f2';
    c.fillRect(0, 0, size, size);
    c.strokeStyle = '#5a5a5a';
    c.lineWidth = size / 4;
    c.beginPath();
    c.moveTo(-size, size * 2);
    c.lineTo(size * 2, -size);
    c.moveTo(0, size * 2);
    c.lineTo(size * 2, 0);
    c.moveTo(-size, size);
    c.lineTo(size, -size);
    c.stroke();
  } else if (state === 'S') {
    c.fillStyle = '#3d3d3d';
    c.fillRect(0, 0, size, size);
    c.strokeStyle = '#c8c8c8';
    c.lineWidth = size / 6;
    c.beginPath();
    c.moveTo(0, 0);
    c.lineTo(size, size);
    c.moveTo(size, 0);
    c.lineTo(0, size);
    c.stroke();
  } else {
    c.fillStyle = '#d9d9d9';
    c.fillRect(0, 0, size, size);
    c.fillStyle = '#555';
    c.beginPath();
    c.arc(size / 2, size / 2, size / 6, 0, Math.PI * 2);
    c.fill();
  }
  return tile;
}
