import * as make from "./factories";
import { rulesMatrix } from "./matrix";
import { serverOnlyTable } from "./serverOnly";

// A client that could write a slug could capture another org's intake link and inbound address.
rulesMatrix("slugs", serverOnlyTable("slugs/org-a-support", make.slugDoc("org-a"), { orgId: "org-b" }));
