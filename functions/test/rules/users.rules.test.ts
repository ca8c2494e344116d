/**
 * Profiles: each user reads their own and writes only displayName and
 * notificationPrefs; the email comes from the verified sign-in, set by the server.
 * A service token is just a uid here: like anybody signed in, it may keep a profile
 * of its own, and it reaches nothing of an org.
 */
import { collection, deleteDoc, deleteField, doc, getDoc, getDocs, setDoc, updateDoc } from "firebase/firestore";
import { UID, type ActorName } from "./actors";
import { everyoneDenied, no, ok, row, rulesMatrix, type Row } from "./matrix";
import { remove } from "./world";

const profileOf = (uid: string) => `users/${uid}`;
const ownProfile = (actor: ActorName) => profileOf(actor === "unauthenticated" ? UID.owner : UID[actor]);
const ownerProfile = profileOf(UID.owner);

const onlyOwner: Row = row(no, no, no, no, no, ok, no, no, no);
const everySignedIn: Row = row(no, ok, ok, ok, ok, ok, ok, ok, ok);
const prefs = { comment: { inApp: true, email: true }, assignment: { inApp: true, email: false } };

//                  unauthenticated admin agent reporter viewer owner otherCustomer outsider service
rulesMatrix(
  "users",
  {
    get: { does: "read the owner's profile", run: (db) => getDoc(doc(db, ownerProfile)), expect: onlyOwner },
    list: { does: "list every profile", run: (db) => getDocs(collection(db, "users")), expect: everyoneDenied },
    create: {
      does: "create the owner's profile",
      prepare: (env) => remove(env, [ownerProfile]),
      run: (db) => setDoc(doc(db, ownerProfile), { displayName: "Olive Owner", notificationPrefs: prefs }),
      expect: onlyOwner,
    },
    update: {
      does: "rename the owner",
      run: (db) => updateDoc(doc(db, ownerProfile), { displayName: "Olive O." }),
      expect: onlyOwner,
    },
    delete: {
      does: "delete the owner's profile",
      run: (db) => deleteDoc(doc(db, ownerProfile)),
      expect: everyoneDenied,
    },
    more: {
      "get own": {
        does: "read their own profile",
        run: (db, a) => getDoc(doc(db, ownProfile(a))),
        expect: everySignedIn,
      },
      "create own": {
        does: "create their own profile with a name only",
        prepare: (env, a) => remove(env, [ownProfile(a)]),
        run: (db, a) => setDoc(doc(db, ownProfile(a)), { displayName: "Me" }),
        expect: everySignedIn,
      },
      "create own with email": {
        does: "create their own profile with an email address",
        prepare: (env, a) => remove(env, [ownProfile(a)]),
        run: (db, a) => setDoc(doc(db, ownProfile(a)), { displayName: "Me", email: "ceo@example.test" }),
        expect: everyoneDenied,
      },
      "create own with a role": {
        does: "create their own profile with a field the contract does not list",
        prepare: (env, a) => remove(env, [ownProfile(a)]),
        run: (db, a) => setDoc(doc(db, ownProfile(a)), { displayName: "Me", role: "admin" }),
        expect: everyoneDenied,
      },
      "update own prefs": {
        does: "change their notification prefs",
        run: (db, a) => updateDoc(doc(db, ownProfile(a)), { notificationPrefs: prefs }),
        expect: everySignedIn,
      },
      "update own name and prefs": {
        does: "change name and prefs at once, with a 100-character name",
        run: (db, a) => updateDoc(doc(db, ownProfile(a)), { displayName: "x".repeat(100), notificationPrefs: {} }),
        expect: everySignedIn,
      },
      "update own email": {
        does: "change their email address",
        run: (db, a) => updateDoc(doc(db, ownProfile(a)), { email: "ceo@example.test" }),
        expect: everyoneDenied,
      },
      "verify own email": {
        // Mail goes only to verified addresses: a client that could set the flag could route our mail anywhere.
        does: "mark their own address verified",
        run: (db, a) => updateDoc(doc(db, ownProfile(a)), { emailVerified: true, email: "ceo@example.test" }),
        expect: everyoneDenied,
      },
      "create own, verified": {
        does: "create their own profile claiming a verified address",
        prepare: (env, a) => remove(env, [ownProfile(a)]),
        run: (db, a) => setDoc(doc(db, ownProfile(a)), { displayName: "Me", emailVerified: true }),
        expect: everyoneDenied,
      },
      "update own, empty name": {
        does: "set an empty name",
        run: (db, a) => updateDoc(doc(db, ownProfile(a)), { displayName: "" }),
        expect: everyoneDenied,
      },
      "update own, long name": {
        does: "set a 101-character name",
        run: (db, a) => updateDoc(doc(db, ownProfile(a)), { displayName: "x".repeat(101) }),
        expect: everyoneDenied,
      },
      "update own, name not a string": {
        does: "set a name that is a number",
        run: (db, a) => updateDoc(doc(db, ownProfile(a)), { displayName: 42 }),
        expect: everyoneDenied,
      },
      "update own, name removed": {
        does: "remove their name",
        run: (db, a) => updateDoc(doc(db, ownProfile(a)), { displayName: deleteField() }),
        expect: everyoneDenied,
      },
      "update own, prefs not a map": {
        does: "set notification prefs to a string",
        run: (db, a) => updateDoc(doc(db, ownProfile(a)), { notificationPrefs: "all" }),
        expect: everyoneDenied,
      },
      "update own, too many prefs": {
        does: "set 51 notification prefs",
        run: (db, a) =>
          updateDoc(doc(db, ownProfile(a)), {
            notificationPrefs: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`type${i}`, true])),
          }),
        expect: everyoneDenied,
      },
    },
  },
  Object.values(UID).map(profileOf),
);
