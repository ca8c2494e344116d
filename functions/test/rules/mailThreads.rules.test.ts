import * as make from "./factories";
import { rulesMatrix } from "./matrix";
import { serverOnlyTable } from "./serverOnly";

// A client that could add a Message-ID to a thread could answer someone else's conversation.
rulesMatrix(
  "mailThreads",
  serverOnlyTable("mailThreads/thread-1", make.mailThreadDoc("org-a"), { email: "attacker@example.test" }),
);
