/**
 * The one description of the issue document and what each audience sees of it
 * (docs/product.md): customers get the allow-list, staff everything but the server's
 * own bookkeeping, and both are picked, never stripped.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  blankFacts,
  customerIssueSchema,
  customerIssueView,
  factsFromIssueData,
  ISSUE_FIELDS,
  SERVER_ONLY_ISSUE_FIELDS,
  staffIssueSchema,
  staffIssueView,
  type IssueFacts,
} from "../../src/domain";
import { newIssueRecord } from "../../src/store/issues";
import { CUSTOMER_FIELDS } from "../customerFields";

/** An issue whose every internal field carries a value a leak would show. */
function busyIssue(): IssueFacts {
  return blankFacts({
    orgId: "org-1",
    number: "ISS-2026-0042",
    title: "Parcel damaged",
    description: "Box crushed",
    tags: ["LEAK-tag"],
    watchers: ["LEAK-watcher"],
    reporter: { uid: "u-customer", name: "Cara", kind: "customer" },
    raisedByCustomer: true,
    source: "client",
    assignee: { uid: "LEAK-assignee-uid", name: "Agnes Agent" },
    resolution: { notes: "Sent a new one", by: { uid: "LEAK-resolver", name: "R", kind: "member" }, at: 5_000 },
    fingerprint: "LEAK-fingerprint",
    occurrences: 7,
    searchTokens: ["LEAK-token"],
    lastActor: { uid: "LEAK-actor", name: "L", kind: "member" },
    linear: {
      id: "lin",
      identifier: "ENG-1",
      url: "https://linear.app/LEAK",
      state: "unstarted",
      stateId: "LEAK-state",
      stateName: "Todo",
      syncedAt: 1,
      syncedVersion: 1,
      remoteUpdatedAt: 1,
      remoteFieldAt: { title: 1 },
      syncedFields: { title: "LEAK-print" },
      error: null,
    },
    commentCount: 9,
    publicCommentCount: 2,
    createdAt: 1_000,
    updatedAt: 2_000,
  });
}

describe("the customer's view", () => {
  it("holds exactly the allow-list", () => {
    const view = customerIssueView(busyIssue(), { orgId: "org-1", orgName: "Acme", issueId: "i-1" });
    expect(Object.keys(view).sort()).toEqual(CUSTOMER_FIELDS);
    expect(JSON.stringify(view)).not.toContain("LEAK");
    expect(view).toMatchObject({
      orgId: "org-1",
      orgName: "Acme",
      issueId: "i-1",
      number: "ISS-2026-0042",
      assignee: { name: "Agnes Agent" },
      resolution: { notes: "Sent a new one", at: 5_000 },
      publicCommentCount: 2,
      createdAt: 1_000,
    });
  });

  it("is described by the schema the OpenAPI shows, with the same fields", () => {
    const schema = customerIssueSchema(z.iso.datetime());
    expect(Object.keys(schema.shape).sort()).toEqual(CUSTOMER_FIELDS);
    const view = customerIssueView(busyIssue(), { orgId: "org-1", orgName: "Acme", issueId: "i-1" });
    const asJson = {
      ...view,
      createdAt: new Date(1_000).toISOString(),
      updatedAt: new Date(2_000).toISOString(),
      resolution: { notes: "Sent a new one", at: new Date(5_000).toISOString() },
    };
    expect(schema.parse(asJson)).toEqual(asJson);
  });
});

describe("the staff view", () => {
  it("picks every described field but the server's own", () => {
    const view = staffIssueView(busyIssue());
    expect(Object.keys(view).sort()).toEqual(
      ISSUE_FIELDS.filter((field) => !SERVER_ONLY_ISSUE_FIELDS.includes(field)).sort(),
    );
    expect(view).toMatchObject({
      tags: ["LEAK-tag"],
      fingerprint: "LEAK-fingerprint",
      assignee: { uid: "LEAK-assignee-uid" },
    });
    expect(view).not.toHaveProperty("searchTokens");
    expect(view).not.toHaveProperty("priorityRank");
  });

  it("drops what is not in the description instead of passing it on", () => {
    const view = staffIssueView(factsFromIssueData({ ...busyIssue(), viewCount: 3, secretThing: "x" }) as IssueFacts);
    expect(view).not.toHaveProperty("viewCount");
    expect(view).not.toHaveProperty("secretThing");
  });

  it("has a response schema with the same fields plus the id", () => {
    expect(Object.keys(staffIssueSchema(z.iso.datetime()).shape).sort()).toEqual(
      ["id", "deduplicated", ...ISSUE_FIELDS.filter((field) => !SERVER_ONLY_ISSUE_FIELDS.includes(field))].sort(),
    );
  });
});

describe("the issue document", () => {
  it("is written by newIssueRecord with every described field and nothing else (no viewCount)", () => {
    const record = newIssueRecord("org-1", {
      input: {
        title: "T",
        description: "",
        type: "task",
        priority: "medium",
        category: "general",
        tags: [],
        vendor: null,
        order: null,
      },
      source: "client",
      reporter: { uid: "u-customer", name: "Cara", kind: "customer" },
    });
    expect(record).not.toHaveProperty("viewCount");
    expect(Object.keys(record).sort()).toEqual([...ISSUE_FIELDS].sort());
    expect(record).toMatchObject({ raisedByCustomer: true, publicCommentCount: 0, commentCount: 0, deleted: false });
  });

  it("reads leniently: malformed or missing fields become their fallbacks, never an exception", () => {
    const facts = factsFromIssueData({
      title: 42,
      status: "nonsense",
      tags: "x",
      createdAt: "yesterday",
      deleted: "no",
    })!;
    expect(facts).toMatchObject({
      title: "",
      status: null,
      tags: [],
      createdAt: null,
      deleted: null,
      publicCommentCount: 0,
      reporter: null,
    });
    expect(Object.keys(facts).sort()).toEqual([...ISSUE_FIELDS].sort());
  });
});
