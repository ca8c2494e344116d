export interface RuleCondition {
  /** The match path, e.g. `/orgs/{orgId}/issues/{issueId}/comments/{commentId}`. */
  match: string;
  /** The operations of the allow statement, e.g. `read` or `create, delete`. */
  operations: string;
  /** The distinct documents the condition may read through get()/exists(). */
  lookups: string[];
}
export const RULES_PATH: string;
export function rulesSource(path?: string): string;
export function ruleConditions(source?: string): RuleCondition[];
export function readLookups(match: string, conditions?: RuleCondition[]): number;
