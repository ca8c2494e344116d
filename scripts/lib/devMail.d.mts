// Types for the e2e suites, which start MailDev and the inbound relay (devMail.mjs).
import type { ChildProcess } from "node:child_process";
export declare const DEV_MAIL_PORTS: { smtp: number; web: number; relay: number };
export declare function ensureDevMailSecrets(file?: string, smtpPort?: number): Record<string, string>;
export declare function startMailDev(ports?: { smtp?: number; web?: number }): ChildProcess;
export declare function waitForMailDev(web?: number, timeoutMs?: number): Promise<void>;
export declare function signInbound(secret: string, body: Buffer, t?: number): string;
export declare function startInboundRelay(options: { port?: number; target: string; secret: string; maxBytes?: number }): Promise<{ port: number; close(): Promise<void> }>;
