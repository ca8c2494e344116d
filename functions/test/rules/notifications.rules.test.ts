/** Notifications: their user reads them and flips `read`; the server writes everything else. */
import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  orderBy,
  query,
  setDoc,
  updateDoc,
  where,
} from "firebase/firestore";
import { UID, type ActorName } from "./actors";
import * as make from "./factories";
import { everyoneDenied, no, ok, row, rulesMatrix, type Row } from "./matrix";
import { ISSUE, ORG_A } from "./world";

const inbox = `users/${UID.owner}/notifications`;
const note = `${inbox}/note-1`;
const ownInbox = (actor: ActorName) => `users/${actor === "unauthenticated" ? UID.owner : UID[actor]}/notifications`;

const onlyOwner: Row = row(no, no, no, no, no, ok, no, no, no);

//                  unauthenticated admin agent reporter viewer owner otherCustomer outsider service
rulesMatrix(
  "notifications",
  {
    get: { does: "read the owner's notification", run: (db) => getDoc(doc(db, note)), expect: onlyOwner },
    list: {
      does: "list the owner's unread notifications, newest first",
      run: (db) => getDocs(query(collection(db, inbox), where("read", "==", false), orderBy("createdAt", "desc"))),
      expect: onlyOwner,
    },
    create: {
      does: "send the owner a notification",
      run: (db) =>
        setDoc(doc(db, `${inbox}/forged`), make.notificationDoc(ORG_A, ISSUE.owned, { title: "Click here" })),
      expect: everyoneDenied,
    },
    update: {
      does: "mark the owner's notification read",
      run: (db) => updateDoc(doc(db, note), { read: true }),
      expect: onlyOwner,
    },
    delete: { does: "delete the owner's notification", run: (db) => deleteDoc(doc(db, note)), expect: everyoneDenied },
    more: {
      "list own": {
        does: "list their own notifications, newest first",
        run: (db, a) => getDocs(query(collection(db, ownInbox(a)), orderBy("createdAt", "desc"))),
        expect: row(no, ok, ok, ok, ok, ok, ok, ok, ok),
      },
      "update title": {
        does: "change the title of the owner's notification",
        run: (db) => updateDoc(doc(db, note), { title: "Changed" }),
        expect: everyoneDenied,
      },
      "update read and title": {
        does: "mark the owner's notification read and change its issue",
        run: (db) => updateDoc(doc(db, note), { read: true, issueId: ISSUE.others }),
        expect: everyoneDenied,
      },
      "update read, not a bool": {
        does: "set read to a string",
        run: (db) => updateDoc(doc(db, note), { read: "yes" }),
        expect: everyoneDenied,
      },
    },
  },
  [note],
);
