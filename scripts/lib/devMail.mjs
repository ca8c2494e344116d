// The email channel on a developer's machine (docs/email.md):
// - the emulated functions' secrets for mail, generated once into functions/.secret.local, so
//   nobody copies a secret by hand (a value already there, perhaps a real one, is kept);
// - MailDev: SMTP on 1025 (where the emulated SMTP_URI points), inbox and REST API on 1080;
// - the inbound relay: SMTP on 2525; every message it receives is signed and posted to
//   `inboundEmail`, one post per envelope recipient, as a mail provider's relay would.
import { spawn } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { ROOT } from "./emulatorEnv.mjs";

const require = createRequire(import.meta.url);
const SECRET_FILE = join(ROOT, "functions", ".secret.local");

export const DEV_MAIL_PORTS = { smtp: 1025, web: 1080, relay: 2525 };

/** Adds the mail secrets functions/.secret.local lacks; returns them all (KEY → value). */
export function ensureDevMailSecrets(file = SECRET_FILE, smtpPort = DEV_MAIL_PORTS.smtp) {
  const text = existsSync(file) ? readFileSync(file, "utf8") : "";
  const values = Object.fromEntries(
    text
      .split("\n")
      .map((line) => /^([A-Z0-9_]+)=(.*)$/.exec(line.trim()))
      .filter(Boolean)
      .map((m) => [m[1], m[2]]),
  );
  const wanted = {
    SMTP_URI: `smtp://127.0.0.1:${smtpPort}`,
    INBOUND_EMAIL_SECRET: randomBytes(24).toString("hex"),
    REPLY_TOKEN_KEYS: `1:${randomBytes(24).toString("hex")}`,
  };
  const missing = Object.entries(wanted).filter(([key]) => !values[key]);
  if (missing.length > 0) {
    const lines = missing.map(([key, value]) => `${key}=${value}`).join("\n");
    writeFileSync(file, `${text.trimEnd()}${text.trim() ? "\n" : ""}${lines}\n`);
    for (const [key, value] of missing) values[key] = value;
  }
  return values;
}

/** MailDev in a child process of its own, which ends with ours. */
export function startMailDev({ smtp = DEV_MAIL_PORTS.smtp, web = DEV_MAIL_PORTS.web } = {}) {
  const bin = join(require.resolve("maildev/package.json"), "..", "bin", "maildev");
  const child = spawn(process.execPath, [bin, "--smtp", String(smtp), "--web", String(web), "--ip", "127.0.0.1", "--silent"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
  });
  process.on("exit", () => child.kill("SIGTERM"));
  return child;
}

/** Waits until MailDev's REST API answers (GET /email lists what it caught). */
export async function waitForMailDev(web = DEV_MAIL_PORTS.web, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${web}/email`)).ok) return;
    } catch {
      // Not up yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`MailDev did not answer on port ${web}`);
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`, as `inboundEmail` checks it. */
export function signInbound(secret, body, t = Math.floor(Date.now() / 1000)) {
  return `t=${t},v1=${createHmac("sha256", secret).update(`${t}.`).update(body).digest("hex")}`;
}

/**
 * The relay: an SMTP server whose every message goes to `target` (the inboundEmail URL),
 * signed. A 4xx from the function refuses the message (550); anything else failing asks
 * the sender to try later (451).
 */
export async function startInboundRelay({ port = DEV_MAIL_PORTS.relay, target, secret, maxBytes = 10 * 1024 * 1024 }) {
  const { SMTPServer } = require("smtp-server");
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    size: maxBytes,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on("data", (chunk) => chunks.push(chunk));
      stream.on("end", async () => {
        const raw = Buffer.concat(chunks);
        if (stream.sizeExceeded) return callback(Object.assign(new Error("Message too large"), { responseCode: 552 }));
        try {
          for (const rcpt of session.envelope.rcptTo) {
            const response = await fetch(target, {
              method: "POST",
              headers: { "Content-Type": "message/rfc822", "X-Envelope-To": rcpt.address, "X-Firetrack-Signature": signInbound(secret, raw) },
              body: raw,
            });
            if (response.status >= 400 && response.status < 500) {
              return callback(Object.assign(new Error(`Refused (${response.status})`), { responseCode: 550 }));
            }
            if (!response.ok) throw new Error(`inboundEmail answered ${response.status}`);
          }
          callback();
        } catch {
          callback(Object.assign(new Error("Try again later"), { responseCode: 451 }));
        }
      });
    },
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return { port: server.server.address().port, close: () => new Promise((resolve) => server.close(resolve)) };
}
