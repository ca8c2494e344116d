/**
 * A real SMTP server (smtp-server, from the nodemailer project) on 127.0.0.1, for the
 * tests the emulated `sendMail` delivers to. It keeps every message, parsed by mailparser,
 * and can refuse recipients with a given reply code, to test retries and failures.
 */
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerAddress } from "smtp-server";

export interface Received {
  envelopeTo: string[];
  raw: string;
  parsed: ParsedMail;
  header(name: string): string | undefined;
}

export interface SmtpSink {
  received: Received[];
  /** Refuse RCPT TO for addresses that match, with this code, `times` times (Infinity: always). */
  refuse(match: (address: string) => boolean, code: number, times?: number): void;
  close(): Promise<void>;
}

export async function startSmtpSink(port: number): Promise<SmtpSink> {
  const received: Received[] = [];
  const refusals: { match: (address: string) => boolean; code: number; left: number }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      const refusal = refusals.find((r) => r.left > 0 && r.match(address.address));
      if (refusal) {
        refusal.left -= 1;
        const err = new Error(refusal.code >= 500 ? "Mailbox unavailable" : "Try again later") as Error & {
          responseCode: number;
        };
        err.responseCode = refusal.code;
        return callback(err);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        simpleParser(raw).then(
          (parsed) => {
            received.push({
              envelopeTo: session.envelope.rcptTo.map((r) => r.address),
              raw,
              parsed,
              header: (name) => {
                const value = parsed.headers.get(name.toLowerCase());
                if (value === undefined) return undefined;
                return typeof value === "string"
                  ? value
                  : name.toLowerCase() === "list-unsubscribe"
                    ? raw.match(/^List-Unsubscribe: (.*)$/im)?.[1]
                    : JSON.stringify(value);
              },
            });
            callback();
          },
          (err: Error) => callback(err),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    received,
    refuse: (match, code, times = Infinity) => void refusals.push({ match, code, left: times }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const smtpTestPort = (): number => {
  const port = Number(process.env.FIRETRACK_SMTP_TEST_PORT);
  if (!port) throw new Error("FIRETRACK_SMTP_TEST_PORT is not set: run through scripts/emulators.mjs exec --test-env");
  return port;
};
