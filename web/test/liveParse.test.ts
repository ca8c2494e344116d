/** What the live hooks make of a document: the domain's shape, older documents included, bad ones refused. */
import { Timestamp, type DocumentSnapshot } from "firebase/firestore";
import { describe, expect, it } from "vitest";
import { issueOf } from "../src/issues/issue";
import { UnreadableDocument } from "../src/shared/live";

const now = Timestamp.fromMillis(1_800_000_000_000);
const actor = { uid: "u1", name: "Sam", kind: "member" };
const ISSUE = {
  orgId: "acme",
  number: "ISS-2026-0001",
  seq: 1,
  year: 2026,
  title: "Printer",
  description: "",
  type: "task",
  priority: "medium",
  priorityRank: 1,
  category: "general",
  status: "open",
  tags: [],
  source: "internal",
  channel: "web",
  reporter: actor,
  raisedByCustomer: false,
  assignee: null,
  watchers: [],
  vendor: null,
  order: null,
  resolution: null,
  createdAt: now,
  updatedAt: now,
  firstResponseAt: null,
  resolvedAt: null,
  closedAt: null,
  statusChangedAt: null,
  clockStops: null,
  sla: null,
  metrics: { firstResponseMs: null, resolutionMs: null },
  linear: null,
  fingerprint: null,
  occurrences: 1,
  lastSeenAt: now,
  commentCount: 0,
  publicCommentCount: 0,
  searchTokens: [],
  deleted: false,
  deletedAt: null,
  deletedBy: null,
  version: 1,
  lastActor: actor,
};
const snapshot = (data: Record<string, unknown>) =>
  ({ id: "i1", data: () => data, ref: { path: "orgs/acme/issues/i1" } }) as unknown as DocumentSnapshot;

describe("reading an issue", () => {
  it("reads a document of the domain's shape, with its id", () => {
    expect(issueOf(snapshot(ISSUE))).toMatchObject({ id: "i1", title: "Printer", channel: "web", createdAt: now });
  });

  it("reads a document written before a nullable field existed, with that field null", () => {
    const { channel: _channel, clockStops: _stops, ...older } = ISSUE;
    expect(issueOf(snapshot(older))).toMatchObject({ channel: null, clockStops: null });
  });

  it("refuses a field of the wrong type, or a required one missing, naming the document", () => {
    expect(() => issueOf(snapshot({ ...ISSUE, title: 42 }))).toThrow(UnreadableDocument);
    const { status: _status, ...noStatus } = ISSUE;
    expect(() => issueOf(snapshot(noStatus))).toThrow(/orgs\/acme\/issues\/i1/);
  });
});
