/**
 * orgs/{orgId}/issues/{id}/mails/{mailId}: what went out by mail about an issue. It names
 * recipients' addresses, so admins and agents read it (as memberEmails); nobody writes it.
 */
import { collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc } from "firebase/firestore";
import * as make from "./factories";
import { everyoneDenied, no, ok, row, rulesMatrix } from "./matrix";
import { ISSUE, ORG_A, issuePath } from "./world";

const mails = `${issuePath(ISSUE.owned, ORG_A)}/mails`;

//                  unauthenticated admin agent reporter viewer owner otherCustomer outsider service
rulesMatrix("mails", {
  get: {
    does: "read a mail record of the customer's issue",
    run: (db) => getDoc(doc(db, `${mails}/mail-1`)),
    expect: row(no, ok, ok, no, no, no, no, no, no),
  },
  list: {
    does: "list the issue's mails",
    run: (db) => getDocs(collection(db, mails)),
    expect: row(no, ok, ok, no, no, no, no, no, no),
  },
  create: {
    does: "record a mail",
    run: (db) => setDoc(doc(db, `${mails}/new`), make.issueMailDoc()),
    expect: everyoneDenied,
  },
  update: {
    does: "mark a mail delivered",
    run: (db) => updateDoc(doc(db, `${mails}/mail-1`), { state: "SUCCESS" }),
    expect: everyoneDenied,
  },
  delete: { does: "delete a mail record", run: (db) => deleteDoc(doc(db, `${mails}/mail-1`)), expect: everyoneDenied },
});
