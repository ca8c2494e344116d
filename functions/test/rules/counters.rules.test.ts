import { doc, getDoc } from "firebase/firestore";
import * as make from "./factories";
import { everyoneDenied, rulesMatrix } from "./matrix";
import { serverOnlyTable } from "./serverOnly";
import { ORG_A } from "./world";

// The allocator's counters and its lease: a client that could write them could break numbering.
rulesMatrix(
  "counters",
  serverOnlyTable(
    `orgs/${ORG_A}/counters/issues_2026`,
    make.counterDoc(),
    { next: 1 },
    {
      "get lease": {
        does: "read the numbering lease",
        run: (db) => getDoc(doc(db, `orgs/${ORG_A}/counters/numbering_lease`)),
        expect: everyoneDenied,
      },
    },
  ),
);
