import * as make from "./factories";
import { rulesMatrix } from "./matrix";
import { serverOnlyTable } from "./serverOnly";

// Received mail holds strangers' addresses and bodies; deleting a record would let a duplicate through.
rulesMatrix(
  "inboundMail",
  serverOnlyTable("inboundMail/inbound-1", make.inboundMailDoc("org-a"), { outcome: "created" }),
);
