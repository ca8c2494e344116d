import * as make from "./factories";
import { rulesMatrix } from "./matrix";
import { serverOnlyTable } from "./serverOnly";
import { ORG_A } from "./world";

// Stored first responses may hold another caller's data.
rulesMatrix("idempotency", serverOnlyTable(`orgs/${ORG_A}/idempotency/idem-1`, make.idempotencyDoc(), { status: 200 }));
