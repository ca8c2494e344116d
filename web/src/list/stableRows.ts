/**
 * A live list that does not jump. The rows on screen keep their order while the
 * listener reports changes: a row's content updates in place, a row that left the
 * view stays (marked) until the person asks for the latest order, and newcomers
 * are counted, not inserted. Pure, so it is tested on its own.
 */
export interface StableRow<T> {
  id: string;
  item: T;
  /** No longer matches the view (changed or deleted elsewhere). */
  gone: boolean;
}

export interface StableView<T> {
  rows: StableRow<T>[];
  /** Rows the live query has that the screen does not show yet. */
  incoming: number;
  /** The live order of the rows on screen differs from theirs. */
  moved: boolean;
}

export function reconcile<T>(
  displayed: readonly string[],
  live: readonly { id: string; item: T }[],
  known: ReadonlyMap<string, T>,
): StableView<T> {
  const liveById = new Map(live.map((row) => [row.id, row.item]));
  const shown = new Set(displayed);
  const rows: StableRow<T>[] = [];
  for (const id of displayed) {
    const item = liveById.get(id) ?? known.get(id);
    if (item !== undefined) rows.push({ id, item, gone: !liveById.has(id) });
  }
  const incoming = live.filter((row) => !shown.has(row.id)).length;
  const screenOrder = displayed.filter((id) => liveById.has(id));
  const liveOrder = live.map((row) => row.id).filter((id) => shown.has(id));
  const moved = screenOrder.some((id, index) => liveOrder[index] !== id);
  return { rows, incoming, moved };
}

/** Whether a new snapshot may simply replace the screen: nothing shown yet, or still the first load. */
export const mayReplace = (displayed: readonly string[] | null, settled: boolean) =>
  displayed === null || displayed.length === 0 || !settled;
