/**
 * orgs/{orgId}/invites/{inviteId}: server only. Admins manage invitations and
 * addressees find theirs through the API, which checks who asks; a client that read
 * them could learn who was invited, and one that wrote them could invite itself.
 */
import { collectionGroup, getDocs, query, where } from "firebase/firestore";
import * as make from "./factories";
import { everyoneDenied, rulesMatrix } from "./matrix";
import { serverOnlyTable } from "./serverOnly";
import { ORG_A } from "./world";

rulesMatrix(
  "invites",
  serverOnlyTable(
    `orgs/${ORG_A}/invites/invite-1`,
    make.inviteDoc({ email: "me@example.test", role: "admin" }),
    { acceptedAt: new Date() },
    {
      "find mine": {
        does: "look for invitations to an address in every org",
        run: (db) => getDocs(query(collectionGroup(db, "invites"), where("email", "==", "new.agent@example.test"))),
        expect: everyoneDenied,
      },
    },
  ),
);
