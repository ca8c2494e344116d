import { emptyBodySchema } from "../../domain";
import { db } from "../../store/db";
import { requestLinearResync } from "../../integrations/linear/resync";
import { ApiError } from "../errors";
import { findVisibleIssue } from "../issueCommands";
import { requirePermission } from "../orgAccess";
import { route } from "../route";
import { linearSyncResponse } from "../schemas";

export const linearRoutes = [
  route({
    method: "post",
    path: "/orgs/{orgId}/issues/{id}/linear:sync",
    summary: "Push the issue to Linear again (admin); the push runs on the linearSync queue",
    tag: "commands",
    body: emptyBodySchema,
    success: { status: 202, description: "The push is queued", schema: linearSyncResponse },
    problems: [400, 401, 403, 404, 409, 415, 422, 429],
    async handler({ access, params }) {
      const issue = await findVisibleIssue(access, params.id!);
      requirePermission(access, "integrations.manage");
      if ((await requestLinearResync(db(), access.orgId, issue)) === "sync_off") {
        throw new ApiError(
          "conflict",
          "The Linear sync is off for this organisation: set its Linear team and turn it on in the settings.",
        );
      }
      return { status: 202, body: { queued: true, issueId: issue.id } };
    },
  }),
];
