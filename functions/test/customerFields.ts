/**
 * The customer-visible fields of an issue, written out from docs/product.md rather than imported from the
 * domain's allow-list, so that the tests hold the code to the contract and not to itself.
 */
export const CUSTOMER_FIELDS = [
  "assignee",
  "category",
  "closedAt",
  "createdAt",
  "description",
  "issueId",
  "number",
  "order",
  "orgId",
  "orgName",
  "priority",
  "publicCommentCount",
  "resolution",
  "resolvedAt",
  "status",
  "title",
  "type",
  "updatedAt",
  "vendor",
];
