/**
 * The org the URL names, the caller's live role in it, and its members. The role
 * is read from the caller's own member document, so a role change shows at once.
 */
import { isAssignableRole, type MemberRole, type Role } from "@firetrack/domain";
import { collection, doc, onSnapshot, orderBy, query } from "firebase/firestore";
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { db } from "../firestore";

export interface Member {
  uid: string;
  displayName: string;
  role: MemberRole;
}

export interface OrgState {
  orgId: string;
  orgName: string;
  role: Role;
  uid: string;
  userName: string;
  /** Staff only (the rules keep customers out); [] until loaded. */
  members: Member[];
  memberName: (uid: string) => string;
}

/** Exported for component tests, which provide an org without Firestore. */
export const OrgContext = createContext<OrgState | null>(null);

export function useOwnRole(orgId: string, uid: string, initial: Role): Role {
  const [role, setRole] = useState<Role>(initial);
  useEffect(() => {
    setRole(initial);
    return onSnapshot(
      doc(db, "orgs", orgId, "members", uid),
      (snapshot) => {
        const value = snapshot.get("role") as Role | undefined;
        if (value) setRole(value);
      },
      () => undefined,
    );
  }, [orgId, uid, initial]);
  return role;
}

export function OrgProvider({
  value,
  children,
}: {
  value: Omit<OrgState, "members" | "memberName">;
  children: ReactNode;
}) {
  const [members, setMembers] = useState<Member[]>([]);
  useEffect(
    () =>
      onSnapshot(
        query(collection(db, "orgs", value.orgId, "members"), orderBy("displayName")),
        (snapshot) =>
          setMembers(
            snapshot.docs.map((d) => ({
              uid: d.id,
              displayName: d.get("displayName") as string,
              role: d.get("role") as MemberRole,
            })),
          ),
        () => setMembers([]),
      ),
    [value.orgId],
  );
  const state = useMemo<OrgState>(() => {
    const names = new Map(members.map((m) => [m.uid, m.displayName]));
    return {
      ...value,
      members,
      memberName: (uid) => names.get(uid) ?? (uid === value.uid ? value.userName : "Former member"),
    };
  }, [value, members]);
  return <OrgContext.Provider value={state}>{children}</OrgContext.Provider>;
}

export function useOrg(): OrgState {
  const org = useContext(OrgContext);
  if (!org) throw new Error("useOrg outside OrgProvider");
  return org;
}

/** Members an issue may be assigned to: the API accepts admins and agents. */
export const assignable = (members: Member[]) => members.filter((m) => isAssignableRole(m.role));
