import { collection, deleteDoc, doc, getDoc, getDocs, setDoc } from "firebase/firestore";
import * as make from "./factories";
import { everyoneDenied, rulesMatrix } from "./matrix";
import { serverOnlyTable } from "./serverOnly";
import { ORG_A } from "./world";

// Key hashes, in both places the rules name: under the org, and keyed globally (where
// the API keeps them so that a key finds its org in one read). Not even admins read them.
rulesMatrix(
  "apiKeySecrets",
  serverOnlyTable(
    `orgs/${ORG_A}/apiKeySecrets/key-1`,
    make.apiKeySecretDoc(ORG_A),
    { revoked: true },
    {
      "get global": {
        does: "read apiKeySecrets/key-1",
        run: (db) => getDoc(doc(db, "apiKeySecrets/key-1")),
        expect: everyoneDenied,
      },
      "list global": {
        does: "list apiKeySecrets",
        run: (db) => getDocs(collection(db, "apiKeySecrets")),
        expect: everyoneDenied,
      },
      "create global": {
        does: "plant a key hash in apiKeySecrets",
        run: (db) => setDoc(doc(db, "apiKeySecrets/planted"), make.apiKeySecretDoc(ORG_A)),
        expect: everyoneDenied,
      },
      "delete global": {
        does: "delete apiKeySecrets/key-1",
        run: (db) => deleteDoc(doc(db, "apiKeySecrets/key-1")),
        expect: everyoneDenied,
      },
    },
  ),
);
