export { createFiretrackClient } from "./client.js";
export { describeError, errorFingerprint, parseStack } from "./errorReport.js";
export type {
  CallError,
  ClientStats,
  DropReason,
  DroppedReport,
  FiretrackClient,
  FiretrackClientOptions,
  Issue,
  IssueInput,
  IssueStatus,
  LogErrorExtra,
  LoggedIssue,
  PostedComment,
  UpdatedStatus,
} from "./types.js";
