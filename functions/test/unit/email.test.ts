import { describe, expect, it } from "vitest";
import {
  autoReplyReason,
  classifyRecipient,
  isBounce,
  mailCommentBody,
  mailText,
  messageIdFor,
  parseTokenKeys,
  replyToken,
  signInbound,
  threadOfMessageId,
  titleFromSubject,
  verifyInboundSignature,
  verifyReplyToken,
  visibleReply,
} from "../../src/domain/email";
import { afterFailure, failureKind, retryDelayMs } from "../../src/domain";

const keys = parseTokenKeys("2:second-key-0123456789abcdef,1:first-key-0123456789abcdef")!;
const oldKeys = parseTokenKeys("1:first-key-0123456789abcdef")!;
const thread = { orgId: "acme", issueId: "issue-1", email: "Cora@Example.test" };
const domain = "inbound.firetrack.test";
const headers = (values: Record<string, string>) => (name: string) => values[name];

describe("inbound signature", () => {
  const body = Buffer.from("From: a@b.test\r\n\r\nhi");
  it("accepts the right MAC within 300 s, over the exact bytes", () => {
    expect(verifyInboundSignature(signInbound("s3cret", 1000, body), body, "s3cret", 1299)).toBe(true);
  });
  it.each([
    ["another secret", signInbound("other", 1000, body), body, 1000],
    ["a stale time", signInbound("s3cret", 1000, body), body, 1301],
    ["a changed body", signInbound("s3cret", 1000, body), Buffer.from("From: a@b.test\r\n\r\nhi!"), 1000],
    ["no header", undefined, body, 1000],
    ["garbage", "t=1000,v1=xyz", body, 1000],
  ])("refuses %s", (_, header, payload, now) => {
    expect(verifyInboundSignature(header as string | undefined, payload as Buffer, "s3cret", now as number)).toBe(
      false,
    );
  });
  it("refuses everything when no secret is configured", () => {
    expect(verifyInboundSignature(signInbound("", 1000, body), body, "", 1000)).toBe(false);
  });
});

describe("reply tokens and Message-IDs", () => {
  it("makes a lowercase token that fits an address's local part, and verifies it for its thread only", () => {
    const token = replyToken(thread, keys);
    expect(token).toMatch(/^[0-9a-f]{20}\.2[0-9a-f]{16}$/);
    expect(`reply+${token}`.length).toBeLessThanOrEqual(64);
    expect(verifyReplyToken(token, thread, keys)).toBe(true);
    expect(verifyReplyToken(token.toUpperCase(), thread, keys)).toBe(true);
    expect(verifyReplyToken(token, { ...thread, email: "mallory@example.test" }, keys)).toBe(false);
    expect(verifyReplyToken(token, { ...thread, issueId: "issue-2" }, keys)).toBe(false);
    expect(
      verifyReplyToken(
        token.replace(/.$/, (c) => (c === "0" ? "1" : "0")),
        thread,
        keys,
      ),
    ).toBe(false);
  });
  it("keeps a token of the old key valid while that key is listed, and not after", () => {
    const old = replyToken(thread, oldKeys);
    expect(old).toMatch(/\.1/);
    expect(verifyReplyToken(old, thread, keys)).toBe(true);
    expect(verifyReplyToken(old, thread, parseTokenKeys("2:second-key-0123456789abcdef")!)).toBe(false);
  });
  it("signs Message-IDs: ours name their thread, a made-up one names nothing", () => {
    const id = messageIdFor("0123456789abcdef0123", "comment_x_uid", keys, domain);
    expect(threadOfMessageId(id, keys, domain)).toMatchObject({ threadId: "0123456789abcdef0123" });
    expect(threadOfMessageId(id.replace("0123456789abcdef0123", "aaaaaaaaaaaaaaaaaaaa"), keys, domain)).toBeNull();
    expect(threadOfMessageId(id.replace(domain, "evil.test"), keys, domain)).toBeNull();
    expect(threadOfMessageId("<abc@mail.gmail.com>", keys, domain)).toBeNull();
  });
  it("refuses keys that are too short or badly named", () => {
    expect(parseTokenKeys("1:short")).toBeNull();
    expect(parseTokenKeys("")).toBeNull();
    expect(parseTokenKeys("10:0123456789abcdef0123")).toBeNull();
  });
});

describe("routing by address", () => {
  it.each([
    ["acme-support@inbound.firetrack.test", { kind: "org", slug: "acme-support" }],
    ["ACME-Support@Inbound.Firetrack.test", { kind: "org", slug: "acme-support" }],
    ["reply+abc@inbound.firetrack.test", { kind: "reply", token: "abc" }],
    ["acme-support@other.test", null],
    ["-bad-@inbound.firetrack.test", null],
    ["nobody", null],
  ])("%s", (address, expected) => {
    expect(classifyRecipient(address, domain)).toEqual(expected);
  });
});

describe("machines", () => {
  it.each([
    [{ "auto-submitted": "auto-replied" }, "auto-submitted"],
    [{ "auto-submitted": "auto-generated" }, "auto-submitted"],
    [{ precedence: "bulk" }, "precedence"],
    [{ precedence: "junk" }, "precedence"],
    [{ "x-autoreply": "yes" }, "x-autoreply"],
    [{ "auto-submitted": "no" }, null],
    [{}, null],
  ])("%j is %s", (values, reason) => {
    expect(autoReplyReason(headers(values))).toBe(reason);
  });
  it("knows a bounce by its report type or its sender", () => {
    expect(isBounce(headers({}), 'multipart/report; report-type="delivery-status"; boundary=x', "x@y.test")).toBe(true);
    expect(isBounce(headers({}), "text/plain", "MAILER-DAEMON@mx.test")).toBe(true);
    expect(isBounce(headers({}), "text/plain", "cora@example.test")).toBe(false);
  });
});

describe("text of a mail", () => {
  it("prefers the text part and turns HTML-only mail into text, entities decoded", () => {
    expect(mailText("plain", "<p>html</p>")).toBe("plain");
    expect(mailText(undefined, "<p>The <b>scanner</b> is offline.</p><p>Since&nbsp;Monday.</p>")).toBe(
      "The scanner is offline.\n\nSince Monday.",
    );
    // The text part a parser derives from the HTML carries the non-breaking space on: it becomes a plain one too.
    expect(mailText("Since\u00a0Monday.", "<p>Since&nbsp;Monday.</p>")).toBe("Since Monday.");
  });
  it("strips the quoted history and the signature", () => {
    expect(visibleReply("It works.\n\nOn Mon, 7 Dec 2026, Help wrote:\n> Did it?\n")).toBe("It works.");
    expect(visibleReply("Thanks!\n\n-- \nCora\nAcme")).toBe("Thanks!");
  });
  it("lists attachments by name and size and stays within the limit", () => {
    expect(mailCommentBody("See attached.", [{ filename: "shot.png", size: 2048 }], 1000)).toBe(
      "See attached.\n\nAttachments (not stored):\n- shot.png (2 KB)",
    );
    expect(mailCommentBody("x".repeat(50), [], 10)).toHaveLength(10);
  });
  it("makes a title of the subject without Re:/Fwd: and our number", () => {
    expect(titleFromSubject("Re: Fwd: [ISS-2026-0042] Printer", 200)).toBe("Printer");
    expect(titleFromSubject("", 200)).toBe("(no subject)");
  });
});

describe("delivery retries", () => {
  it("retries 4xx and unreachable servers with growing waits, not 5xx or a refused login", () => {
    expect(failureKind({ responseCode: 451 })).toBe("transient");
    expect(failureKind({ code: "ECONNECTION" })).toBe("transient");
    expect(failureKind({ responseCode: 550 })).toBe("permanent");
    expect(failureKind({ code: "EAUTH" })).toBe("permanent");
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 240_000, 960_000, 3_840_000]);
    expect(afterFailure({ responseCode: 451 }, 1, 0)).toEqual({ state: "RETRY", retryAtMs: 60_000 });
    expect(afterFailure({ responseCode: 451 }, 5, 0)).toEqual({ state: "ERROR", retryAtMs: null });
  });
});
