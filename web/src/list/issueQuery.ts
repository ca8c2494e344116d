/** The client-SDK query for the shared list plan: the same rows `GET …/issues` returns. */
import { planIssueList, type IssueFilter, type IssueListPlan } from "@firetrack/domain";
import {
  collection,
  documentId,
  limit,
  orderBy,
  query,
  startAfter,
  where,
  type DocumentSnapshot,
  type Query,
  type QueryConstraint,
} from "firebase/firestore";
import { db } from "../firestore";

export function issueListQuery(
  orgId: string,
  plan: IssueListPlan,
  options: { after?: DocumentSnapshot | null; pageSize: number },
): Query {
  const constraints: QueryConstraint[] = plan.equals.map(({ field, op, value }) => where(field, op, value));
  if (plan.arrayContains) constraints.push(where(plan.arrayContains.field, "array-contains", plan.arrayContains.value));
  for (const { field, direction } of plan.orderBy) constraints.push(orderBy(field, direction));
  constraints.push(orderBy(documentId(), plan.orderBy[plan.orderBy.length - 1]!.direction));
  if (options.after) constraints.push(startAfter(options.after));
  constraints.push(limit(options.pageSize));
  return query(collection(db, "orgs", orgId, "issues"), ...constraints);
}

export const planFor = (filter: IssueFilter): IssueListPlan => planIssueList(filter);
