/** A local HTTP server that misbehaves on purpose, recording every request it gets. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: any;
  at: number;
}

export type Handler = (request: SeenRequest, res: ServerResponse, index: number) => void;

export interface Stub {
  base: string;
  port: number;
  requests: SeenRequest[];
  /** Replaces what the server does from the next request on. */
  handle(handler: Handler): void;
  close(): Promise<void>;
}

export const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, {
    "content-type": status >= 400 ? "application/problem+json" : "application/json",
    ...headers,
  });
  res.end(JSON.stringify(body));
};

export const created = (res: ServerResponse, n: number, extra: object = {}) =>
  json(res, 201, { id: `issue${n}`, number: `ISS-2026-${String(n).padStart(4, "0")}`, ...extra });

/** Starts on `port` (0: any free one). */
export async function startStub(handler: Handler, port = 0): Promise<Stub> {
  let current = handler;
  const requests: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const seen: SeenRequest = {
        method: req.method!,
        url: req.url!,
        headers: req.headers,
        body: text ? JSON.parse(text) : undefined,
        at: Date.now(),
      };
      requests.push(seen);
      current(seen, res, requests.length - 1);
    });
  });
  // Long enough that a client holding a kept-alive socket would show as a process that doesn't exit.
  server.keepAliveTimeout = 60_000;
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${actual}/api/v1`,
    port: actual,
    requests,
    handle: (next) => {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: connections to it are refused. */
export async function closedPort(): Promise<number> {
  const stub = await startStub(() => undefined);
  await stub.close();
  return stub.port;
}

/** Never answers: the request hangs until the client gives up. */
export const hang: Handler = () => undefined;
