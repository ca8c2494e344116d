/**
 * The few things that differ between Node and browsers, behind feature checks, so
 * the package needs neither Node types nor a bundler shim.
 */

type Timer = ReturnType<typeof setTimeout>;

/** A timer that never keeps a Node process alive (browsers have nothing to unref). */
export function backgroundTimer(callback: () => void, ms: number): Timer {
  const timer = setTimeout(callback, Math.max(0, ms));
  (timer as unknown as { unref?: () => void }).unref?.();
  return timer;
}

/** An RFC 4122 v4 id; crypto.randomUUID needs a secure context in browsers, getRandomValues does not. */
export function uuid(): string {
  const cryptoApi = (globalThis as { crypto?: Crypto }).crypto;
  if (typeof cryptoApi?.randomUUID === "function") {
    try {
      return cryptoApi.randomUUID();
    } catch {
      // Insecure browser context: fall through.
    }
  }
  const bytes = new Uint8Array(16);
  if (typeof cryptoApi?.getRandomValues === "function") cryptoApi.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

interface NodeProcess {
  on(event: "beforeExit", listener: () => void): unknown;
  off(event: "beforeExit", listener: () => void): unknown;
}

const nodeProcess = (): NodeProcess | undefined => {
  const candidate = (globalThis as { process?: Partial<NodeProcess> }).process;
  return typeof candidate?.on === "function" && typeof candidate.off === "function"
    ? (candidate as NodeProcess)
    : undefined;
};

const idleHooks = new Set<() => void>();
const onBeforeExit = () => {
  for (const hook of [...idleHooks]) hook();
};

/**
 * Runs `hook` when a Node process has nothing left to do and is about to exit.
 * The client's timers are unref'd, so a caller awaiting a report would otherwise
 * be left hanging as the process ends (an unsettled top-level await); the hook
 * settles such calls instead. One process listener serves every client.
 * Returns the function that removes the hook.
 */
export function whenProcessIdle(hook: () => void): () => void {
  const process = nodeProcess();
  if (!process) return () => undefined;
  if (idleHooks.size === 0) process.on("beforeExit", onBeforeExit);
  idleHooks.add(hook);
  return () => {
    if (idleHooks.delete(hook) && idleHooks.size === 0) process.off("beforeExit", onBeforeExit);
  };
}
