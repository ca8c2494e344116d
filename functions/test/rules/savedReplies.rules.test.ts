import * as make from "./factories";
import { no, ok, row } from "./matrix";
import { serverWrittenCollectionRules } from "./serverWrittenCollection";

// Saved replies are for those who answer customers (admins and agents); every write goes through the API.
//                  unauthenticated admin agent reporter viewer owner otherCustomer outsider service
serverWrittenCollectionRules({
  collection: "savedReplies",
  noun: { one: "saved reply", many: "saved replies" },
  docId: "reply-1",
  orderField: "title",
  listed: ["Escalated to billing", "Refund on its way"],
  otherOrgDocId: "reply-b",
  newDoc: () => make.savedReplyDoc(),
  change: { body: "Changed" },
  readers: row(no, ok, ok, no, no, no, no, no, no),
  // Org B's admin is the outsider.
  otherOrgReaders: row(no, no, no, no, no, no, no, ok, no),
  readingRoles: ["admin", "agent"],
});
