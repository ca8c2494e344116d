/** What the live hooks make of a document: the domain's shape, older documents included, bad ones refused. */
import { Timestamp, type DocumentSnapshot } from "firebase/firestore";
import { blankFacts } from "@firetrack/domain";
import { describe, expect, it } from "vitest";
import { issueOf } from "../src/issues/issue";
import { UnreadableDocument } from "../src/shared/live";

const now = Timestamp.fromMillis(1_800_000_000_000);
const actor = { uid: "u1", name: "Sam", kind: "member" as const };
// A complete issue as the domain describes it, with Firestore times where it stores them.
const ISSUE = {
  ...blankFacts({
    orgId: "acme",
    number: "ISS-2026-0001",
    seq: 1,
    year: 2026,
    title: "Printer",
    channel: "web",
    reporter: actor,
    lastActor: actor,
  }),
  createdAt: now,
  updatedAt: now,
  lastSeenAt: now,
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
