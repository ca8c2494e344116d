import { describe, expect, it } from "vitest";
import {
  ISSUE_LIST_FILTERS,
  issueFilterSchema,
  matchesResidual,
  planIssueList,
  type IssueListFilterName,
} from "../../src/domain";

const filter = (query: Record<string, string>) => issueFilterSchema.parse(query);

/** A value of each filter, and for those with several fields, one value per field. */
const SAMPLE_VALUES: Record<IssueListFilterName, string[]> = {
  status: ["open", "open,answered"],
  priority: ["high"],
  category: ["technical"],
  type: ["bug"],
  source: ["service"],
  assignee: ["u-agent", "none"],
  vendor: ["v-1"],
  order: ["o-1"],
  service: ["billing"],
  sla: ["at_risk", "breached"],
  tag: ["vip"],
  q: ["printer"],
};

describe("the list's filter table", () => {
  // The query catalogue indexes the table's fields, and the API refuses the team's filters to customers by it: a
  // filter the planner reads differently would run on a missing index, or leak.
  it.each(Object.entries(SAMPLE_VALUES))("names exactly the fields the planner queries for ?%s=", (name, values) => {
    const entry = ISSUE_LIST_FILTERS[name as IssueListFilterName];
    const asked = new Set<string>();
    for (const value of values) {
      const plan = planIssueList(filter({ [name]: value }));
      for (const equality of plan.equals) if (equality.field !== "deleted") asked.add(equality.field);
      if (plan.arrayContains) asked.add(plan.arrayContains.field);
    }
    expect([...asked].sort()).toEqual(
      [...(entry.equals ?? []), ...(entry.arrayContains ? [entry.arrayContains] : [])].sort(),
    );
  });

  it("covers every filter the query string accepts", () => {
    const accepted = Object.keys(issueFilterSchema.shape).filter((key) => key !== "deleted" && key !== "sort");
    expect(Object.keys(ISSUE_LIST_FILTERS).sort()).toEqual(accepted.sort());
  });
});

describe("planIssueList", () => {
  it("always filters live issues and sorts by number by default", () => {
    const plan = planIssueList(filter({}));
    expect(plan.equals).toEqual([{ field: "deleted", op: "==", value: false }]);
    expect(plan.orderBy).toEqual([
      { field: "year", direction: "asc" },
      { field: "seq", direction: "asc" },
    ]);
    expect(plan.arrayContains).toBeNull();
  });

  it("turns several statuses into `in`, one into `==`, and `none` into a null assignee", () => {
    expect(planIssueList(filter({ status: "open,answered" })).equals).toContainEqual({
      field: "status",
      op: "in",
      value: ["open", "answered"],
    });
    expect(planIssueList(filter({ status: "open" })).equals).toContainEqual({
      field: "status",
      op: "==",
      value: "open",
    });
    expect(planIssueList(filter({ assignee: "none" })).equals).toContainEqual({
      field: "assignee",
      op: "==",
      value: null,
    });
    expect(planIssueList(filter({ assignee: "u1" })).equals).toContainEqual({
      field: "assignee.uid",
      op: "==",
      value: "u1",
    });
  });

  it("scopes a customer to the issues they raised", () => {
    expect(planIssueList(filter({}), { reporterUid: "c1" }).equals).toContainEqual({
      field: "reporter.uid",
      op: "==",
      value: "c1",
    });
  });

  it("sends the longest search word to the index and checks the rest and the tag per row", () => {
    const plan = planIssueList(filter({ q: "invoice vat", tag: "VIP" }));
    expect(plan.arrayContains).toEqual({ field: "searchTokens", value: "invoice" });
    expect(plan.residual).toEqual({ words: ["vat"], tag: "vip" });
    expect(matchesResidual(plan, { searchTokens: ["invoice", "vat"], tags: ["vip"] })).toBe(true);
    expect(matchesResidual(plan, { searchTokens: ["invoice", "vat"], tags: [] })).toBe(false);
    expect(matchesResidual(plan, { searchTokens: ["invoice"], tags: ["vip"] })).toBe(false);
  });

  it("uses the tag index when there is no search", () => {
    const plan = planIssueList(filter({ tag: "vip" }));
    expect(plan.arrayContains).toEqual({ field: "tags", value: "vip" });
    expect(matchesResidual(plan, { tags: [] })).toBe(true);
  });

  it("finds a number through its search token", () => {
    expect(planIssueList(filter({ q: "ISS-2026-0042" })).arrayContains).toEqual({
      field: "searchTokens",
      value: "iss-2026-0042",
    });
    expect(planIssueList(filter({ q: "42" })).arrayContains).toEqual({ field: "searchTokens", value: "42" });
  });

  it("marks a search without a usable word as empty", () => {
    expect(planIssueList(filter({ q: "!!" })).empty).toBe(true);
    expect(planIssueList(filter({ q: "checkout" })).empty).toBe(false);
  });
});
