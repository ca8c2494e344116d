/** The manifest of deployed functions: initialise once, then re-export. */
import { initializeApp } from "firebase-admin/app";

initializeApp();

export { api } from "./api/function";
export { numberIssueOnCreate } from "./events/numberIssueOnCreate";
export { numberingSweeper } from "./events/numberingSweeper";
export { onIssueWritten } from "./events/onIssueWritten";
export { onCommentCreated } from "./events/onCommentCreated";
export { slaBreachSweep } from "./events/slaBreachSweep";
export { statsReconciliation } from "./events/statsReconciliation";
export { statsReconcileOrg } from "./events/statsReconcileOrg";
export { beforeCreate, beforeSignIn } from "./identity/signInPolicy";
export { linearSync } from "./integrations/linear/syncTask";
export { linearWebhook } from "./integrations/linear/webhook";
export { applyLinearDelivery } from "./integrations/linear/applyDelivery";
export { sendMail } from "./events/sendMail";
export { mailRetrySweep } from "./events/mailRetrySweep";
export { inboundEmail } from "./integrations/email/receive";
export { processInboundMail } from "./integrations/email/process";
