/**
 * A Linear-compatible GraphQL server for the tests, on 127.0.0.1, honouring the
 * wire facts of shared/LINEAR.md so that the real @linear/sdk works against it:
 * - every call is POST {query, variables}; the operation name comes from the query text;
 * - `Authorization: <key>` with no prefix; a wrong key is HTTP 400, type "authentication error";
 * - answers are application/json with `data` and no `errors` key at all when fine;
 * - issues carry `reactions: []` and `sharedAccess.sharedWithUsers: []`;
 * - "entity not found" and "already exists" are HTTP 200 with errors[] of type "invalid input";
 * - a rate limit is HTTP 400 with extensions {type: "ratelimited", code: "RATELIMITED"} and retry-after.
 * Like Linear, it sends a signed webhook for every change, to the URL it is given: the
 * changes our integration makes come back with the integration's own user as actor.
 * Faults are scripted per operation and matched per request.
 */
import { createHmac, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeState {
  id: string;
  name: string;
  type: string;
  position: number;
}

export interface FakeIssue {
  id: string;
  teamId: string;
  number: number;
  identifier: string;
  url: string;
  title: string;
  description: string;
  priority: number;
  stateId: string;
  createdAt: string;
  updatedAt: string;
  creator: { id: string; name: string };
}

export interface FakeComment {
  id: string;
  issueId: string;
  body: string;
  user: { id: string; name: string };
  createdAt: string;
}

export interface ReceivedRequest {
  op: string;
  variables: Record<string, any>;
  at: number;
  authorization: string | undefined;
}

export type FaultAction =
  | { kind: "http500" }
  | { kind: "ratelimited"; retryAfterSeconds?: number; signal?: "type" | "code" | "status429" }
  | { kind: "auth" }
  | { kind: "invalidInput"; message: string }
  /** Do the work, then answer only after `ms`: longer than the client's timeout, the answer is lost. */
  | { kind: "slowAnswer"; ms: number };

export interface Fault {
  op: string;
  times: number;
  action: FaultAction;
  /** Which requests it hits; all of `op` when left out. */
  when?: (variables: Record<string, any>) => boolean;
}

export interface WebhookResult {
  status: number;
  deliveryId: string;
}

export const VIEWER = { id: "user-integration", name: "Firetrack Integration" };

const DEFAULT_STATES = (teamKey: string): FakeState[] => [
  { id: `${teamKey}-triage`, name: "Triage", type: "triage", position: 0 },
  { id: `${teamKey}-backlog`, name: "Backlog", type: "backlog", position: 1 },
  { id: `${teamKey}-todo`, name: "Todo", type: "unstarted", position: 2 },
  { id: `${teamKey}-progress`, name: "In Progress", type: "started", position: 3 },
  { id: `${teamKey}-review`, name: "In Review", type: "started", position: 4 },
  { id: `${teamKey}-blocked`, name: "Blocked", type: "started", position: 5 },
  { id: `${teamKey}-done`, name: "Done", type: "completed", position: 6 },
  { id: `${teamKey}-canceled`, name: "Canceled", type: "canceled", position: 7 },
];

export function signWebhook(rawBody: string, secret: string): string {
  return createHmac("sha256", secret).update(rawBody).digest("hex");
}

export class FakeLinear {
  readonly requests: ReceivedRequest[] = [];
  readonly issues = new Map<string, FakeIssue>();
  readonly comments = new Map<string, FakeComment>();
  readonly teams = new Map<string, { key: string; states: FakeState[]; next: number }>();
  readonly webhooks: { deliveryId: string; body: string; status: number; error?: string }[] = [];
  private faults: Fault[] = [];
  private server: Server | null = null;
  private clock = Date.now();
  private pending = new Set<Promise<unknown>>();

  /** Send the webhooks of changes made through the API (as Linear does). */
  echo: boolean;

  constructor(private readonly options: { apiKey: string; webhookSecret: string; webhookUrl: string; echo?: boolean }) {
    this.echo = options.echo ?? false;
  }

  async listen(port: number): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", reject);
      this.server!.listen(port, "127.0.0.1", () => resolve());
    });
  }

  get port(): number {
    return (this.server!.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    await this.settle();
    const server = this.server;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Keep-alive sockets of the SDK's clients would hold the server open.
    server.closeAllConnections();
    await closed;
  }

  /** Webhooks on their way. */
  get sending(): number {
    return this.pending.size;
  }

  /** Waits for the webhooks the fake is still sending. */
  async settle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  addTeam(teamId: string, key: string): FakeState[] {
    const states = DEFAULT_STATES(key);
    this.teams.set(teamId, { key, states, next: 1 });
    return states;
  }

  fault(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  calls(op: string, when?: (variables: Record<string, any>) => boolean): ReceivedRequest[] {
    return this.requests.filter((request) => request.op === op && (!when || when(request.variables)));
  }

  stateOf(issue: FakeIssue): FakeState {
    return this.teams.get(issue.teamId)!.states.find((state) => state.id === issue.stateId)!;
  }

  stateByType(teamId: string, type: string): FakeState {
    return this.teams.get(teamId)!.states.find((state) => state.type === type)!;
  }

  /** Linear's clock: strictly increasing, so two changes never share an updatedAt. */
  private tick(): string {
    this.clock = Math.max(this.clock + 1, Date.now());
    return new Date(this.clock).toISOString();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let parsed: { query?: string; variables?: Record<string, any> };
    try {
      parsed = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
      return this.send(res, 400, { errors: [{ message: "Body is not JSON" }] });
    }
    const op = /^\s*(query|mutation)\s+(\w+)/.exec(parsed.query ?? "")?.[2] ?? "unknown";
    const variables = parsed.variables ?? {};
    const authorization = req.headers.authorization;
    this.requests.push({ op, variables, at: Date.now(), authorization });

    if (authorization !== this.options.apiKey) return this.authError(res);
    const fault = this.faults.find((f) => f.op === op && f.times > 0 && (!f.when || f.when(variables)));
    if (fault) fault.times -= 1;
    switch (fault?.action.kind) {
      case "http500":
        return this.send(res, 500, {
          errors: [{ message: "Internal server error", extensions: { type: "internal error" } }],
        });
      case "ratelimited": {
        const action = fault.action as Extract<FaultAction, { kind: "ratelimited" }>;
        const headers: Record<string, string> =
          action.retryAfterSeconds !== undefined ? { "retry-after": String(action.retryAfterSeconds) } : {};
        const signal = action.signal ?? "type";
        if (signal === "status429") return this.send(res, 429, { errors: [{ message: "Too many requests" }] }, headers);
        const extensions = signal === "type" ? { type: "ratelimited", code: "RATELIMITED" } : { code: "RATELIMITED" };
        return this.send(res, 400, { errors: [{ message: "Rate limit exceeded", extensions }] }, headers);
      }
      case "auth":
        return this.authError(res);
      case "invalidInput":
        return this.invalidInput(res, (fault.action as Extract<FaultAction, { kind: "invalidInput" }>).message);
      default:
    }
    let answer: { status: number; body: unknown };
    try {
      answer = { status: 200, body: { data: this.execute(op, variables) } };
    } catch (err) {
      if (err instanceof InvalidInput) answer = { status: 200, body: this.invalidInputBody(err.message) };
      else throw err;
    }
    if (fault?.action.kind === "slowAnswer") {
      await new Promise((resolve) =>
        setTimeout(resolve, (fault.action as Extract<FaultAction, { kind: "slowAnswer" }>).ms),
      );
      if (res.destroyed || req.socket.destroyed) return;
    }
    this.send(res, answer.status, answer.body);
  }

  private execute(op: string, variables: Record<string, any>): unknown {
    switch (op) {
      case "viewer":
        return {
          viewer: {
            __typename: "User",
            ...VIEWER,
            displayName: "firetrack",
            email: "integration@linear.test",
            active: true,
            admin: false,
            createdAt: new Date(0).toISOString(),
            updatedAt: new Date(0).toISOString(),
          },
        };
      case "workflowStates": {
        const teamId = variables.filter?.team?.id?.eq as string;
        const team = this.teams.get(teamId);
        if (!team) throw new InvalidInput("Entity not found: Team");
        return {
          workflowStates: {
            nodes: team.states.map((state) => ({
              __typename: "WorkflowState",
              ...state,
              color: "#999",
              team: { id: teamId },
              createdAt: new Date(0).toISOString(),
              updatedAt: new Date(0).toISOString(),
            })),
            pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
          },
        };
      }
      case "createIssue": {
        const input = variables.input as Record<string, any>;
        const id = (input.id as string | undefined) ?? randomUUID();
        if (this.issues.has(id)) throw new InvalidInput("Entity already exists");
        const team = this.teams.get(input.teamId);
        if (!team) throw new InvalidInput("Entity not found: Team");
        const number = team.next++;
        const now = this.tick();
        const issue: FakeIssue = {
          id,
          teamId: input.teamId,
          number,
          identifier: `${team.key}-${number}`,
          url: `https://linear.app/fake/issue/${team.key}-${number}`,
          title: input.title ?? "",
          description: input.description ?? "",
          priority: input.priority ?? 0,
          stateId: input.stateId ?? team.states.find((state) => state.type === "unstarted")!.id,
          createdAt: now,
          updatedAt: now,
          creator: VIEWER,
        };
        this.issues.set(id, issue);
        this.emit("Issue", "create", this.issueData(issue), VIEWER);
        return {
          issueCreate: { __typename: "IssuePayload", lastSyncId: this.requests.length, success: true, issue: { id } },
        };
      }
      case "updateIssue": {
        const issue = this.issues.get(variables.id);
        if (!issue) throw new InvalidInput("Entity not found: Issue");
        const before = { ...issue };
        const input = variables.input as Record<string, any>;
        for (const key of ["title", "description", "priority", "stateId"] as const) {
          if (input[key] !== undefined) (issue as any)[key] = input[key];
        }
        issue.updatedAt = this.tick();
        this.emit("Issue", "update", this.issueData(issue), VIEWER, this.updatedFrom(before, issue));
        return {
          issueUpdate: {
            __typename: "IssuePayload",
            lastSyncId: this.requests.length,
            success: true,
            issue: { id: issue.id },
          },
        };
      }
      case "issue": {
        const issue = this.issues.get(variables.id);
        if (!issue) throw new InvalidInput("Entity not found: Issue");
        return { issue: this.issueNode(issue) };
      }
      case "createComment": {
        const input = variables.input as Record<string, any>;
        const id = (input.id as string | undefined) ?? randomUUID();
        if (this.comments.has(id)) throw new InvalidInput("Entity already exists");
        if (!this.issues.has(input.issueId)) throw new InvalidInput("Entity not found: Issue");
        const comment: FakeComment = {
          id,
          issueId: input.issueId,
          body: input.body,
          user: VIEWER,
          createdAt: this.tick(),
        };
        this.comments.set(id, comment);
        this.emit("Comment", "create", this.commentData(comment), VIEWER);
        return {
          commentCreate: {
            __typename: "CommentPayload",
            lastSyncId: this.requests.length,
            success: true,
            comment: { id },
          },
        };
      }
      default:
        throw new InvalidInput(`Unknown operation ${op}`);
    }
  }

  private issueNode(issue: FakeIssue) {
    return {
      __typename: "Issue",
      id: issue.id,
      identifier: issue.identifier,
      number: issue.number,
      url: issue.url,
      title: issue.title,
      description: issue.description,
      priority: issue.priority,
      priorityLabel: String(issue.priority),
      createdAt: issue.createdAt,
      updatedAt: issue.updatedAt,
      labelIds: [],
      previousIdentifiers: [],
      state: { id: issue.stateId },
      team: { id: issue.teamId },
      creator: { id: issue.creator.id },
      reactions: [],
      reactionData: {},
      sharedAccess: {
        isShared: false,
        sharedWithCount: 0,
        viewerHasOnlySharedAccess: false,
        disallowedIssueFields: [],
        sharedWithUsers: [],
      },
    };
  }

  /** The issue as a webhook carries it. */
  issueData(issue: FakeIssue) {
    const state = this.stateOf(issue);
    return {
      id: issue.id,
      identifier: issue.identifier,
      url: issue.url,
      title: issue.title,
      description: issue.description,
      priority: issue.priority,
      stateId: issue.stateId,
      state: { id: state.id, name: state.name, type: state.type, color: "#999" },
      teamId: issue.teamId,
      team: { id: issue.teamId, key: this.teams.get(issue.teamId)!.key },
      creatorId: issue.creator.id,
      createdAt: issue.createdAt,
      updatedAt: issue.updatedAt,
    };
  }

  private commentData(comment: FakeComment) {
    return {
      id: comment.id,
      body: comment.body,
      issueId: comment.issueId,
      issue: { id: comment.issueId },
      userId: comment.user.id,
      user: comment.user,
      createdAt: comment.createdAt,
      updatedAt: comment.createdAt,
    };
  }

  private updatedFrom(before: FakeIssue, after: FakeIssue): Record<string, unknown> {
    const from: Record<string, unknown> = { updatedAt: before.updatedAt };
    for (const key of ["title", "description", "priority", "stateId"] as const) {
      if (before[key] !== after[key]) from[key] = before[key];
    }
    return from;
  }

  // --- what people do in Linear ---------------------------------------------------------

  /** A person edits an issue in Linear; the webhook goes out as Linear sends it. */
  async personUpdates(
    issueId: string,
    change: Partial<Pick<FakeIssue, "title" | "description" | "priority" | "stateId">>,
    actor = { id: "user-ada", name: "Ada Lovelace" },
  ): Promise<WebhookResult> {
    const issue = this.issues.get(issueId)!;
    const before = { ...issue };
    Object.assign(issue, change);
    issue.updatedAt = this.tick();
    return this.sendWebhook(
      this.payload("Issue", "update", this.issueData(issue), actor, this.updatedFrom(before, issue)),
    );
  }

  /** A person creates an issue in Linear. */
  async personCreates(
    teamId: string,
    fields: { title: string; description?: string; priority?: number; stateType?: string },
    actor = { id: "user-ada", name: "Ada Lovelace" },
  ) {
    const team = this.teams.get(teamId)!;
    const number = team.next++;
    const now = this.tick();
    const issue: FakeIssue = {
      id: randomUUID(),
      teamId,
      number,
      identifier: `${team.key}-${number}`,
      url: `https://linear.app/fake/issue/${team.key}-${number}`,
      title: fields.title,
      description: fields.description ?? "",
      priority: fields.priority ?? 0,
      stateId: team.states.find((state) => state.type === (fields.stateType ?? "unstarted"))!.id,
      createdAt: now,
      updatedAt: now,
      creator: actor,
    };
    this.issues.set(issue.id, issue);
    const payload = this.payload("Issue", "create", this.issueData(issue), actor);
    return { issue, payload, result: await this.sendWebhook(payload) };
  }

  async personComments(issueId: string, body: string, actor = { id: "user-ada", name: "Ada Lovelace" }) {
    const comment: FakeComment = { id: randomUUID(), issueId, body, user: actor, createdAt: this.tick() };
    this.comments.set(comment.id, comment);
    return {
      comment,
      result: await this.sendWebhook(this.payload("Comment", "create", this.commentData(comment), actor)),
    };
  }

  async personRemoves(issueId: string, actor = { id: "user-ada", name: "Ada Lovelace" }): Promise<WebhookResult> {
    const issue = this.issues.get(issueId)!;
    this.issues.delete(issueId);
    issue.updatedAt = this.tick();
    return this.sendWebhook(this.payload("Issue", "remove", this.issueData(issue), actor));
  }

  payload(
    type: string,
    action: string,
    data: unknown,
    actor: { id: string; name: string },
    updatedFrom?: Record<string, unknown>,
  ) {
    return {
      action,
      type,
      actor: { id: actor.id, name: actor.name, type: "user" },
      createdAt: new Date().toISOString(),
      data,
      ...(updatedFrom ? { updatedFrom } : {}),
      url: `https://linear.app/fake/${type.toLowerCase()}`,
      organizationId: "org-fake",
      webhookId: "webhook-fake",
      webhookTimestamp: Date.now(),
    };
  }

  /** Posts a signed delivery, as Linear does. `deliveryId`, `rawBody` and `signature` can be forced for the negative cases. */
  async sendWebhook(
    payload: unknown,
    options: { deliveryId?: string; rawBody?: string; signature?: string; url?: string; contentType?: string } = {},
  ): Promise<WebhookResult> {
    const deliveryId = options.deliveryId ?? randomUUID();
    const body = options.rawBody ?? JSON.stringify(payload);
    const response = await fetch(options.url ?? this.options.webhookUrl, {
      method: "POST",
      headers: {
        "content-type": options.contentType ?? "application/json; charset=utf-8",
        "linear-delivery": deliveryId,
        "linear-event": (payload as { type?: string } | null)?.type ?? "Issue",
        "linear-signature": options.signature ?? signWebhook(body, this.options.webhookSecret),
        "user-agent": "Linear-Webhook",
      },
      body,
    });
    await response.text();
    this.webhooks.push({ deliveryId, body, status: response.status });
    return { status: response.status, deliveryId };
  }

  /** The webhook Linear sends after a change made through the API: actor = the key's own user. */
  private emit(
    type: string,
    action: string,
    data: unknown,
    actor: { id: string; name: string },
    updatedFrom?: Record<string, unknown>,
  ): void {
    if (!this.echo) return;
    const payload = this.payload(type, action, data, actor, updatedFrom);
    // Linear sends it a moment after answering the mutation.
    const sending = new Promise((resolve) => setTimeout(resolve, 50))
      .then(() => this.sendWebhook(payload))
      .catch((err: unknown) =>
        this.webhooks.push({ deliveryId: "unsent", body: JSON.stringify(payload), status: 0, error: String(err) }),
      );
    this.pending.add(sending);
    void sending.finally(() => this.pending.delete(sending));
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    if (res.destroyed) return;
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
    res.end(JSON.stringify(body));
  }

  private authError(res: ServerResponse): void {
    this.send(res, 400, {
      errors: [
        {
          message: "Authentication required, not authenticated",
          extensions: {
            type: "authentication error",
            code: "AUTHENTICATION_ERROR",
            userPresentableMessage: "You need to authenticate to access this operation.",
          },
        },
      ],
    });
  }

  private invalidInputBody(message: string) {
    return {
      data: null,
      errors: [
        { message, extensions: { type: "invalid input", code: "INPUT_ERROR", userPresentableMessage: message } },
      ],
    };
  }

  private invalidInput(res: ServerResponse, message: string): void {
    this.send(res, 200, this.invalidInputBody(message));
  }
}

class InvalidInput extends Error {}
