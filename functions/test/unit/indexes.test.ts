/**
 * firestore.indexes.json against the query catalogue (src/store/queryShapes.ts): every
 * shape has the indexes it needs, and every index and field override has a shape or
 * an exemption that explains it. The emulator never refuses a query for want of an
 * index, so this is where a missing one is caught.
 *
 * The file is generated from the catalogue:
 *   FIRETRACK_WRITE_INDEXES=1 npm run test:unit --workspace functions -- indexes
 */
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ISSUE_SORTS } from "../../src/domain";
import { FIELD_EXEMPTIONS, ISSUE_LIST_ORDERS, QUERY_SHAPES, type QueryShape } from "../../src/store/queryShapes";
import { compositeKey, indexNeeds, type CompositeIndex, type SingleFieldIndex } from "./indexNeeds";

const INDEX_FILE = resolve(__dirname, "../../../firestore.indexes.json");

interface FieldOverride {
  collectionGroup: string;
  fieldPath: string;
  indexes: SingleFieldIndex[];
}
interface IndexFile {
  indexes: CompositeIndex[];
  fieldOverrides: FieldOverride[];
}

/** What Firestore indexes by itself for every field, in collection scope. */
const AUTOMATIC: SingleFieldIndex[] = [
  { order: "ASCENDING", queryScope: "COLLECTION" },
  { order: "DESCENDING", queryScope: "COLLECTION" },
  { arrayConfig: "CONTAINS", queryScope: "COLLECTION" },
];

const singleKey = (index: SingleFieldIndex) =>
  JSON.stringify(["order" in index ? index.order : index.arrayConfig, index.queryScope]);
const fieldKey = (collectionGroup: string, fieldPath: string) => `${collectionGroup}.${fieldPath}`;

function expectedFile(): IndexFile {
  const composites = new Map<string, CompositeIndex>();
  const overrides = new Map<string, FieldOverride>();
  const exemptions = new Map(FIELD_EXEMPTIONS.map((e) => [fieldKey(e.collectionGroup, e.fieldPath), e]));
  for (const exemption of FIELD_EXEMPTIONS) {
    overrides.set(fieldKey(exemption.collectionGroup, exemption.fieldPath), {
      collectionGroup: exemption.collectionGroup,
      fieldPath: exemption.fieldPath,
      indexes: exemption.keep.map((index) => ({ ...index, queryScope: "COLLECTION" as const })),
    });
  }
  for (const shape of QUERY_SHAPES) {
    const needs = indexNeeds(shape);
    for (const index of needs.composites) composites.set(compositeKey(index), index);
    for (const need of needs.singleFields) {
      const key = fieldKey(need.collectionGroup, need.fieldPath);
      // Collection scope is automatic unless an exemption took the field out.
      if (need.index.queryScope === "COLLECTION" && !exemptions.has(key)) continue;
      const override = overrides.get(key) ?? {
        collectionGroup: need.collectionGroup,
        fieldPath: need.fieldPath,
        indexes: [...AUTOMATIC],
      };
      if (!override.indexes.some((index) => singleKey(index) === singleKey(need.index)))
        override.indexes.push(need.index);
      overrides.set(key, override);
    }
  }
  const byKey =
    <T>(key: (item: T) => string) =>
    (a: T, b: T) =>
      key(a).localeCompare(key(b));
  return {
    indexes: [...composites.values()].sort(byKey(compositeKey)),
    fieldOverrides: [...overrides.values()]
      .map((o) => ({ ...o, indexes: [...o.indexes].sort(byKey(singleKey)) }))
      .sort(byKey((o) => fieldKey(o.collectionGroup, o.fieldPath))),
  };
}

const actualFile = (): IndexFile => JSON.parse(readFileSync(INDEX_FILE, "utf8")) as IndexFile;

if (process.env.FIRETRACK_WRITE_INDEXES === "1") {
  writeFileSync(INDEX_FILE, `${JSON.stringify(expectedFile(), null, 2)}\n`);
}

describe("index derivation", () => {
  const shape = (partial: Partial<QueryShape>): QueryShape => ({
    name: "t",
    collectionGroup: "issues",
    scope: "COLLECTION",
    usedBy: "test",
    ...partial,
  });
  const asc = (field: string) => ({ field, direction: "asc" as const });
  const desc = (field: string) => ({ field, direction: "desc" as const });
  const field = (fieldPath: string, order: "ASCENDING" | "DESCENDING" = "ASCENDING") => ({ fieldPath, order });

  it.each([
    { why: "one equality filter: automatic", shape: shape({ equals: ["status"] }), composites: [] },
    { why: "equalities only: merged single-field indexes", shape: shape({ equals: ["year", "seq"] }), composites: [] },
    { why: "an order alone: automatic", shape: shape({ orderBy: [desc("createdAt")] }), composites: [] },
    {
      why: "a range and an order on the same field: automatic",
      shape: shape({ range: "createdAt", orderBy: [asc("createdAt")] }),
      composites: [],
    },
    {
      why: "equality + order on another field",
      shape: shape({ equals: ["number"], orderBy: [asc("createdAt")] }),
      composites: [[field("number"), field("createdAt")]],
    },
    {
      why: "two orders, with the implicit __name__ dropped",
      shape: shape({ orderBy: [asc("year"), asc("seq"), asc("__name__")] }),
      composites: [[field("year"), field("seq")]],
    },
    {
      why: "a __name__ order against the last direction stays",
      shape: shape({ orderBy: [desc("createdAt"), asc("__name__")] }),
      composites: [[field("createdAt", "DESCENDING"), field("__name__")]],
    },
    {
      why: "equality + range on another field: the range orders implicitly",
      shape: shape({ equals: ["status"], range: "sla.resolutionDueAt" }),
      composites: [[field("status"), field("sla.resolutionDueAt")]],
    },
    {
      why: "array-contains + order",
      shape: shape({ arrayContains: "tags", orderBy: [desc("updatedAt")] }),
      composites: [[{ fieldPath: "tags", arrayConfig: "CONTAINS" }, field("updatedAt", "DESCENDING")]],
    },
    {
      why: "merged equalities: one index per filter, ending in the same order",
      shape: shape({ equals: ["deleted", "status"], orderBy: [desc("updatedAt")], merge: true }),
      composites: [
        [field("deleted"), field("updatedAt", "DESCENDING")],
        [field("status"), field("updatedAt", "DESCENDING")],
      ],
    },
  ])("$why", ({ shape: s, composites }) => {
    const needs = indexNeeds(s);
    expect(needs.composites.map((index) => index.fields)).toEqual(composites);
  });

  it("asks a collection-group query on one field for a COLLECTION_GROUP single-field index", () => {
    const needs = indexNeeds(shape({ scope: "COLLECTION_GROUP", equals: ["number"] }));
    expect(needs.composites).toEqual([]);
    expect(needs.singleFields).toEqual([
      { collectionGroup: "issues", fieldPath: "number", index: { order: "ASCENDING", queryScope: "COLLECTION_GROUP" } },
    ]);
  });

  it("refuses a range whose field is not the first order", () => {
    expect(() => indexNeeds(shape({ range: "createdAt", orderBy: [asc("updatedAt")] }))).toThrow(/first order/);
  });
});

describe("the query catalogue", () => {
  it("names each shape once", () => {
    const names = QUERY_SHAPES.map((s) => s.name);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  it("has orders for every sort the API accepts", () => {
    expect(ISSUE_SORTS.filter((sort) => !(sort in ISSUE_LIST_ORDERS))).toEqual([]);
  });

  it("exempts no field that a query needs an automatic index of", () => {
    const conflicts = QUERY_SHAPES.flatMap((s) =>
      indexNeeds(s)
        .singleFields.filter((need) => need.index.queryScope === "COLLECTION")
        .filter((need) => {
          const exemption = FIELD_EXEMPTIONS.find(
            (e) => e.collectionGroup === need.collectionGroup && e.fieldPath === need.fieldPath,
          );
          return (
            exemption &&
            !exemption.keep.some((kept) => singleKey({ ...kept, queryScope: "COLLECTION" }) === singleKey(need.index))
          );
        })
        .map((need) => `${s.name} needs ${need.fieldPath}`),
    );
    expect(conflicts).toEqual([]);
  });
});

describe("firestore.indexes.json", () => {
  const expected = expectedFile();
  const actual = actualFile();
  const keys = (indexes: CompositeIndex[]) => new Set(indexes.map(compositeKey));

  it("declares every composite index a query needs", () => {
    const have = keys(actual.indexes);
    expect(expected.indexes.filter((index) => !have.has(compositeKey(index)))).toEqual([]);
  });

  it("declares no composite index that no query needs", () => {
    const needed = keys(expected.indexes);
    expect(actual.indexes.filter((index) => !needed.has(compositeKey(index)))).toEqual([]);
  });

  it("has exactly the field overrides the collection-group queries and exemptions call for", () => {
    const normalise = (overrides: FieldOverride[]) =>
      Object.fromEntries(
        overrides.map((o) => [fieldKey(o.collectionGroup, o.fieldPath), o.indexes.map(singleKey).sort()]),
      );
    expect(normalise(actual.fieldOverrides)).toEqual(normalise(expected.fieldOverrides));
  });

  it("exempts description entirely and keeps only array-contains on searchTokens", () => {
    const override = (fieldPath: string) =>
      actual.fieldOverrides.find((o) => o.collectionGroup === "issues" && o.fieldPath === fieldPath);
    expect(override("description")?.indexes).toEqual([]);
    expect(override("searchTokens")?.indexes).toEqual([{ arrayConfig: "CONTAINS", queryScope: "COLLECTION" }]);
  });

  it("stays within Firestore's 200 composite indexes per database", () => {
    expect(actual.indexes.length).toBeLessThanOrEqual(200);
  });
});
