/**
 * Issue addresses use the number (`/o/acme/issues/ISS-2026-0044`), as Linear and Jira do;
 * a document id still works. The number is looked up once (year and seq, as the API
 * does); the page then listens to the document.
 */
import { can, parseIssueAddress, type Role } from "@firetrack/domain";
import { collection, getDocs, limit, query, where } from "firebase/firestore";
import { useEffect, useState } from "react";
import { db } from "../firestore";
import type { Live } from "./useIssueData";

export function useIssueAddress(orgId: string, address: string, role: Role): Live<string | null> {
  const number = parseIssueAddress(address);
  const [state, setState] = useState<Live<string | null>>(
    number ? { status: "loading" } : { status: "ready", value: address },
  );
  const year = number?.year ?? null;
  const seq = number?.seq ?? null;
  useEffect(() => {
    if (year === null || seq === null) {
      setState({ status: "ready", value: address });
      return;
    }
    let cancelled = false;
    setState({ status: "loading" });
    // Rules let only admins read deleted issues: everyone else asks for live ones, so the query is provably allowed.
    const filters = [where("year", "==", year), where("seq", "==", seq)];
    if (!can(role, "issue.restore")) filters.push(where("deleted", "==", false));
    getDocs(query(collection(db, "orgs", orgId, "issues"), ...filters, limit(1))).then(
      (result) => !cancelled && setState({ status: "ready", value: result.docs[0]?.id ?? null }),
      (error: unknown) => !cancelled && setState({ status: "error", error }),
    );
    return () => {
      cancelled = true;
    };
  }, [orgId, address, year, seq, role]);
  return state;
}
