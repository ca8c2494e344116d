/** The demo world the e2e signs in to (scripts/seed.mjs), and direct API calls with real ID tokens. */
import { randomUUID } from "node:crypto";
import { getApps, initializeApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { FieldValue, getFirestore } from "firebase-admin/firestore";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { APP, PORTS } from "./browser";

export const PASSWORD = "firetrack-demo";
export const ORG = "acme";
export const AGENT = { email: "agent@acme.test", uid: "demo-agent", name: "Sam Agent" };
export const ADMIN = { email: "admin@acme.test", uid: "demo-admin", name: "Ada Admin" };
export const VIEWER = { email: "viewer@acme.test", uid: "demo-viewer", name: "Vera Viewer" };

export function admin() {
  if (getApps().length === 0) initializeApp({ projectId: "demo-firetrack" });
  return { auth: getAuth(), db: getFirestore() };
}

/** A real ID token from the Auth emulator (its blocking functions run too). */
export async function idToken(email: string, password = PASSWORD): Promise<string> {
  const response = await fetch(
    `http://127.0.0.1:${PORTS.auth}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=demo-key`,
    {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email, password, returnSecureToken: true }),
    },
  );
  const body = (await response.json()) as { idToken?: string; error?: { message: string } };
  if (!body.idToken) throw new Error(`no token for ${email}: ${body.error?.message}`);
  return body.idToken;
}

export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/** Through the hosting rewrite, as the web app calls it. */
export async function api<T = Record<string, unknown>>(
  token: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiAnswer<T>> {
  const response = await fetch(`${APP}/api/v1${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T, headers: response.headers };
}

export const unique = (prefix: string) => `${prefix}${randomUUID().slice(0, 8)}`;

/** Creates issues through the API; returns them with their numbers. */
export async function createIssues(token: string, count: number, fields: (i: number) => Record<string, unknown>) {
  const issues: { id: string; number: string; title: string }[] = [];
  for (let i = 0; i < count; i++) {
    const created = await api<{ id: string; number: string; title: string }>(
      token,
      "POST",
      `/orgs/${ORG}/issues`,
      fields(i),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    issues.push(created.body);
  }
  return issues;
}

/** Gives an existing account a membership, as an accepted invitation would. */
export async function addMembership(orgId: string, uid: string, role: string, displayName: string) {
  const { db } = admin();
  await db
    .doc(`orgs/${orgId}/members/${uid}`)
    .set({ uid, orgId, role, displayName, email: null, createdAt: FieldValue.serverTimestamp() });
}

/** A marker on the window that a reload would wipe: proves a change arrived live. */
export async function markPage(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { __noReload: boolean }).__noReload = true;
  });
}
export async function wasNotReloaded(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload === true);
}
