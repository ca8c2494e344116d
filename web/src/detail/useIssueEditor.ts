/**
 * Edits with If-Match: every PATCH carries the version the person started from.
 * When the issue moved on meanwhile the API answers 409, and the page offers to
 * take the latest version or to apply the edit over it, showing what changed.
 */
import type { IssueUpdateInput } from "@firetrack/domain";
import { useState } from "react";
import { api } from "../api/client";
import { ApiProblem } from "../api/problem";
import type { Issue } from "../issues/issue";

export interface Conflict {
  mine: IssueUpdateInput;
  baseline: Issue;
}

/** Fields a person edits, and those others may have moved that matter while editing. */
export const COMPARED_FIELDS = [
  "title",
  "description",
  "type",
  "priority",
  "category",
  "tags",
  "vendor",
  "order",
  "status",
  "assignee",
] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

/** What changed between the version an edit started from and the current one. */
export function changesSince(baseline: Issue, current: Issue): { field: ComparedField; from: unknown; to: unknown }[] {
  return COMPARED_FIELDS.filter(
    (field) => JSON.stringify(baseline[field] ?? null) !== JSON.stringify(current[field] ?? null),
  ).map((field) => ({
    field,
    from: baseline[field] ?? null,
    to: current[field] ?? null,
  }));
}

export function useIssueEditor(orgId: string, issue: Issue) {
  const [conflict, setConflict] = useState<Conflict | null>(null);

  const patch = (changes: IssueUpdateInput, version: number) =>
    api("PATCH", "/orgs/{orgId}/issues/{id}", {
      params: { path: { orgId, id: issue.id } },
      body: changes,
      ifMatch: version,
    });

  /** Resolves true when saved, false when it became a conflict; other problems are thrown. */
  async function save(changes: IssueUpdateInput, baseline: Issue): Promise<boolean> {
    try {
      await patch(changes, baseline.version);
      return true;
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 409) {
        setConflict({ mine: changes, baseline });
        return false;
      }
      throw error;
    }
  }

  /** Applies the conflicting edit on top of the version now live. */
  async function overwrite(): Promise<boolean> {
    if (!conflict) return true;
    const saved = await save(conflict.mine, issue);
    if (saved) setConflict(null);
    return saved;
  }

  return { conflict, save, overwrite, dismiss: () => setConflict(null) };
}
