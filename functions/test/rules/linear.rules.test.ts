import * as make from "./factories";
import { rulesMatrix } from "./matrix";
import { serverOnlyTable } from "./serverOnly";

// Cached workflow states, the integration's Linear user and push leases: the sync's own records.
rulesMatrix("linear", serverOnlyTable("linear/team_team-1", make.linearTeamDoc(), { orgId: "org-b" }));
