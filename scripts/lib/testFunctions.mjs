// The functions environment of the test run. Tests drive the Linear sync against a
// fake Linear server that the test process runs, so the emulated functions must talk
// to it, with secrets the tests know. A developer's own functions/.env.local and
// functions/.secret.local (git-ignored, perhaps with a real key) must neither leak into
// the tests nor be overwritten by them. So the test run gets a functions source of its
// own under the git-ignored .cache/: the same build (lib, node_modules and package.json
// are links to functions/), with its own .env and .secret.local.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const FUNCTIONS = join(ROOT, "functions");

/** Where the fake Linear listens, and the secrets the emulator and the tests share. */
export function linearTestEnv(offset = Number(process.env.FIRETRACK_PORT_OFFSET ?? 0)) {
  return {
    // 37 past a hundred: no emulator port of any checkout (all at offsets in steps of 100) ends so.
    FIRETRACK_LINEAR_FAKE_PORT: String(6337 + offset),
    FIRETRACK_LINEAR_API_KEY: "lin_api_firetrack_test_key_0123456789",
    FIRETRACK_LINEAR_WEBHOOK_SECRET: "lin_wh_firetrack_test_secret_0123456789",
    FIRETRACK_LINEAR_DEFAULT_TEAM_ID: "team-default",
  };
}

/** The deployment-wide sign-in list of the test run: the seeded domains and the suites' example.test. */
export const TEST_SIGN_IN_DOMAINS = "acme.test,client.test,globex.test,example.test";

/**
 * The email channel in tests (docs/email.md): the functions send to an SMTP server the test
 * starts (smtp-server or MailDev) on FIRETRACK_SMTP_TEST_PORT, and the tests sign inbound
 * posts with the secret the emulated `inboundEmail` checks.
 */
export function mailTestEnv(offset = Number(process.env.FIRETRACK_PORT_OFFSET ?? 0)) {
  return {
    // 25 and 80 past a hundred, like the fake Linear's 37: no emulator port of any checkout ends so.
    FIRETRACK_SMTP_TEST_PORT: String(6325 + offset),
    FIRETRACK_MAILDEV_TEST_WEB_PORT: String(6380 + offset),
    FIRETRACK_INBOUND_EMAIL_SECRET: "inbound_firetrack_test_secret_0123456789",
    FIRETRACK_REPLY_TOKEN_KEYS: "2:reply_key_two_firetrack_test_0123,1:reply_key_one_firetrack_test_0123",
    FIRETRACK_INBOUND_EMAIL_DOMAIN: "inbound.firetrack.test",
  };
}

/** Writes the test functions source and returns its path relative to the root (as firebase.json wants it). */
export function testFunctionsSource(offset) {
  const dir = join(ROOT, ".cache", `functions-test-${offset}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const name of ["lib", "node_modules"]) {
    if (existsSync(join(FUNCTIONS, name))) symlinkSync(join(FUNCTIONS, name), join(dir, name), "dir");
  }
  copyFileSync(join(FUNCTIONS, "package.json"), join(dir, "package.json"));
  const env = linearTestEnv(offset);
  const mail = mailTestEnv(offset);
  const base = readFileSync(join(FUNCTIONS, ".env"), "utf8").replace(/^(LINEAR_API_URL|LINEAR_DEFAULT_TEAM_ID|INBOUND_EMAIL_DOMAIN|SIGN_IN_DOMAINS)=.*$/gm, "");
  const overrides = [
    // The tests' own sign-in policy, whatever the demo admits: the suites (and the web e2e) prove that
    // an address from outsider.test gets no token.
    `SIGN_IN_DOMAINS=${TEST_SIGN_IN_DOMAINS}`,
    `INBOUND_EMAIL_DOMAIN=${mail.FIRETRACK_INBOUND_EMAIL_DOMAIN}`,
    `LINEAR_API_URL=http://127.0.0.1:${env.FIRETRACK_LINEAR_FAKE_PORT}/graphql`,
    `LINEAR_DEFAULT_TEAM_ID=${env.FIRETRACK_LINEAR_DEFAULT_TEAM_ID}`,
  ];
  writeFileSync(join(dir, ".env"), `${base.trimEnd()}\n${overrides.join("\n")}\n`);
  writeFileSync(
    join(dir, ".secret.local"),
    [
      `LINEAR_API_KEY=${env.FIRETRACK_LINEAR_API_KEY}`,
      `LINEAR_WEBHOOK_SECRET=${env.FIRETRACK_LINEAR_WEBHOOK_SECRET}`,
      `SMTP_URI=smtp://127.0.0.1:${mail.FIRETRACK_SMTP_TEST_PORT}`,
      `INBOUND_EMAIL_SECRET=${mail.FIRETRACK_INBOUND_EMAIL_SECRET}`,
      `REPLY_TOKEN_KEYS=${mail.FIRETRACK_REPLY_TOKEN_KEYS}`,
      "",
    ].join("\n"),
  );
  writeDiscoveryManifest(dir);
  return relative(ROOT, dir);
}

/**
 * Writes the functions' manifest beside the test source, where firebase-tools looks before it
 * discovers the functions by starting them. Every resume of paused triggers (a dozen suites
 * pause them) reloads the triggers, and discovery by process cost about 5 s each time on two
 * cores; read from the file it costs nothing. The build is fixed for the whole run, so the
 * manifest cannot go stale (docs/testing.md).
 */
function writeDiscoveryManifest(dir) {
  const bin = join(ROOT, "node_modules", "firebase-functions", "lib", "bin", "firebase-functions.js");
  if (!existsSync(join(dir, "lib"))) return; // nothing built yet: the emulator discovers as usual
  // Run in the source directory: the bin takes its directory argument only when given two.
  const result = spawnSync(process.execPath, [bin], {
    cwd: dir,
    // A first-generation Auth trigger names its project while the manifest is written (deploy and the
    // emulator's own discovery set it).
    env: {
      ...process.env,
      GCLOUD_PROJECT: process.env.GCLOUD_PROJECT ?? "demo-firetrack",
      FUNCTIONS_MANIFEST_OUTPUT_PATH: join(dir, "functions.yaml"),
    },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`could not write the functions manifest: ${result.stderr || result.stdout}`);
}
