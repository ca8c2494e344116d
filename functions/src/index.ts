/**
 * The manifest of deployed functions: initialise once, then name each function and the module that defines it.
 *
 * Each export is a getter that loads its module on first use. Deploy and the emulator's discovery read every
 * export, so they see all functions; a running instance reads only its own (FUNCTION_TARGET), so it loads only
 * that function's code: the API never loads the Linear SDK, and the Linear task never loads Express. That is the
 * cold start a user waits through (docs/architecture.md, "Loading per function"; measured by `npm run bench`).
 */
import { initializeApp } from "firebase-admin/app";

initializeApp();

const manifest = {
  api: () => (require("./api/function") as typeof import("./api/function")).api,
  numberIssueOnCreate: () =>
    (require("./events/numberIssueOnCreate") as typeof import("./events/numberIssueOnCreate")).numberIssueOnCreate,
  numberingSweeper: () =>
    (require("./events/numberingSweeper") as typeof import("./events/numberingSweeper")).numberingSweeper,
  onIssueWritten: () => (require("./events/onIssueWritten") as typeof import("./events/onIssueWritten")).onIssueWritten,
  onCommentCreated: () =>
    (require("./events/onCommentCreated") as typeof import("./events/onCommentCreated")).onCommentCreated,
  slaBreachSweep: () => (require("./events/slaBreachSweep") as typeof import("./events/slaBreachSweep")).slaBreachSweep,
  autoCloseSweep: () => (require("./events/autoCloseSweep") as typeof import("./events/autoCloseSweep")).autoCloseSweep,
  slaTimer: () => (require("./events/slaTimer") as typeof import("./events/slaTimer")).slaTimer,
  statsReconciliation: () =>
    (require("./events/statsReconciliation") as typeof import("./events/statsReconciliation")).statsReconciliation,
  statsReconcileOrg: () =>
    (require("./events/statsReconcileOrg") as typeof import("./events/statsReconcileOrg")).statsReconcileOrg,
  beforeCreate: () => (require("./identity/signInPolicy") as typeof import("./identity/signInPolicy")).beforeCreate,
  beforeSignIn: () => (require("./identity/signInPolicy") as typeof import("./identity/signInPolicy")).beforeSignIn,
  linearSync: () =>
    (require("./integrations/linear/syncTask") as typeof import("./integrations/linear/syncTask")).linearSync,
  linearWebhook: () =>
    (require("./integrations/linear/webhook") as typeof import("./integrations/linear/webhook")).linearWebhook,
  sendMail: () => (require("./events/sendMail") as typeof import("./events/sendMail")).sendMail,
  mailRetrySweep: () => (require("./events/mailRetrySweep") as typeof import("./events/mailRetrySweep")).mailRetrySweep,
  revokedSessionsSweep: () =>
    (require("./events/revokedSessionsSweep") as typeof import("./events/revokedSessionsSweep")).revokedSessionsSweep,
  endSessionsOnDelete: () =>
    (require("./events/endSessionsOnDelete") as typeof import("./events/endSessionsOnDelete")).endSessionsOnDelete,
  inboundEmail: () =>
    (require("./integrations/email/receive") as typeof import("./integrations/email/receive")).inboundEmail,
  processInboundMail: () =>
    (require("./integrations/email/process") as typeof import("./integrations/email/process")).processInboundMail,
  applyLinearDelivery: () =>
    (require("./integrations/linear/applyDelivery") as typeof import("./integrations/linear/applyDelivery"))
      .applyLinearDelivery,
};

for (const [name, load] of Object.entries(manifest))
  Object.defineProperty(exports, name, { enumerable: true, get: load });
