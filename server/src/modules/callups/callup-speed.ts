/**
 * Response speed figures (docs/callups.md#the-live-board-and-response-speed): seconds from a call-up's sending
 * to each recipient's accept and arrival, summarised as the median and the 90th percentile by the nearest-rank
 * method (the value at rank ⌈p·n⌉ of the ascending list: always a time someone actually took; the median of an
 * even count is the lower middle one). Nobody yet: null.
 */
export function nearestRank(sortedAscending: readonly number[], p: number): number | null {
  const n = sortedAscending.length;
  if (!n) return null;
  return sortedAscending[Math.min(n, Math.max(1, Math.ceil(p * n))) - 1];
}

export interface SpeedFigures {
  acceptMedianS: number | null;
  acceptP90S: number | null;
  arriveMedianS: number | null;
  arriveP90S: number | null;
}

/** Whole seconds from `from` to `to` (never negative). */
export function secondsBetween(from: Date, to: Date): number {
  return Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
}

/** Median and p90 of the accept and arrive delays, given each in seconds (in any order). */
export function speedOf(acceptS: number[], arriveS: number[]): SpeedFigures {
  const a = [...acceptS].sort((x, y) => x - y);
  const r = [...arriveS].sort((x, y) => x - y);
  return {
    acceptMedianS: nearestRank(a, 0.5),
    acceptP90S: nearestRank(a, 0.9),
    arriveMedianS: nearestRank(r, 0.5),
    arriveP90S: nearestRank(r, 0.9),
  };
}
