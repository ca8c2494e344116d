import { rulesMatrix } from "./matrix";
import { serverOnlyTable } from "./serverOnly";

// A collection the rules do not name falls to the catch-all deny.
rulesMatrix("unlisted", serverOnlyTable("unlisted/doc-1", { note: "new" }, { note: "changed" }));
