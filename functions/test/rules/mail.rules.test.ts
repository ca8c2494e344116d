import * as make from "./factories";
import { rulesMatrix } from "./matrix";
import { serverOnlyTable } from "./serverOnly";

// The Trigger Email queue: a client that could write it could send mail as the product.
rulesMatrix("mail", serverOnlyTable("mail/mail-1", make.mailDoc(), { to: ["attacker@example.test"] }));
