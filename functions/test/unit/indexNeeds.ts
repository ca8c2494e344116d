/**
 * The indexes a query shape needs, by Firestore's rules:
 * - a query on one field (filters and order alike) uses that field's automatic
 *   single-field index; in a collection-group query that index must be enabled with
 *   a COLLECTION_GROUP field override;
 * - equality filters alone (no order, no range, no array-contains) merge single-field
 *   indexes;
 * - anything else (equality or array-contains plus an order or a range, several
 *   orders, a range plus an order on another field) needs a composite index: the
 *   equality and array-contains fields, then the range field, then the orders;
 * - a trailing `__name__` order in the direction of the last order is implicit.
 */
import type { OrderField, QueryShape } from "../../src/store/queryShapes";

export type Scope = "COLLECTION" | "COLLECTION_GROUP";

export type IndexField =
  | { fieldPath: string; order: "ASCENDING" | "DESCENDING" }
  | { fieldPath: string; arrayConfig: "CONTAINS" };

export interface CompositeIndex {
  collectionGroup: string;
  queryScope: Scope;
  fields: IndexField[];
}

export type SingleFieldIndex = ({ order: "ASCENDING" | "DESCENDING" } | { arrayConfig: "CONTAINS" }) & {
  queryScope: Scope;
};

export interface SingleFieldNeed {
  collectionGroup: string;
  fieldPath: string;
  index: SingleFieldIndex;
}

export interface IndexNeeds {
  composites: CompositeIndex[];
  singleFields: SingleFieldNeed[];
}

const ORDER = { asc: "ASCENDING", desc: "DESCENDING" } as const;

/** The orders the query really runs with: the implicit range order first, `__name__` dropped when implicit. */
export function effectiveOrder(shape: QueryShape): OrderField[] {
  let order = [...(shape.orderBy ?? [])];
  const last = order[order.length - 1];
  if (last?.field === "__name__") {
    const before = order[order.length - 2];
    if (!before || before.direction === last.direction) order = order.slice(0, -1);
  }
  if (shape.range && order[0]?.field !== shape.range) {
    if (order.length > 0)
      throw new Error(`${shape.name}: with a range on ${shape.range} the first order must be on it`);
    order = [{ field: shape.range, direction: "asc" }];
  }
  return order;
}

const composite = (shape: QueryShape, prefix: IndexField[], order: OrderField[]): CompositeIndex => ({
  collectionGroup: shape.collectionGroup,
  queryScope: shape.scope,
  fields: [...prefix, ...order.map((o) => ({ fieldPath: o.field, order: ORDER[o.direction] }))],
});

export function indexNeeds(shape: QueryShape): IndexNeeds {
  const equals = shape.equals ?? [];
  const order = effectiveOrder(shape);
  const filterFields: IndexField[] = [
    ...equals.map((fieldPath) => ({ fieldPath, order: "ASCENDING" as const })),
    ...(shape.arrayContains ? [{ fieldPath: shape.arrayContains, arrayConfig: "CONTAINS" as const }] : []),
  ];
  const fields = new Set([
    ...equals,
    ...(shape.arrayContains ? [shape.arrayContains] : []),
    ...order.map((o) => o.field),
  ]);
  const single = (fieldPath: string, index: Omit<SingleFieldIndex, "queryScope">): SingleFieldNeed => ({
    collectionGroup: shape.collectionGroup,
    fieldPath,
    index: { ...index, queryScope: shape.scope } as SingleFieldIndex,
  });

  if (fields.size === 1) {
    const [fieldPath] = fields as unknown as [string];
    const index = shape.arrayContains
      ? { arrayConfig: "CONTAINS" as const }
      : { order: order.length > 0 ? ORDER[order[0]!.direction] : ("ASCENDING" as const) };
    return { composites: [], singleFields: [single(fieldPath, index)] };
  }
  if (order.length === 0 && !shape.arrayContains) {
    return { composites: [], singleFields: equals.map((fieldPath) => single(fieldPath, { order: "ASCENDING" })) };
  }
  if (shape.merge) {
    return { composites: filterFields.map((field) => composite(shape, [field], order)), singleFields: [] };
  }
  return { composites: [composite(shape, filterFields, order)], singleFields: [] };
}

/** Equal for equal indexes (field order matters: the file is generated from the shapes). */
export function compositeKey(index: CompositeIndex): string {
  return JSON.stringify([
    index.collectionGroup,
    index.queryScope,
    index.fields.map((f) => [f.fieldPath, "order" in f ? f.order : f.arrayConfig]),
  ]);
}
