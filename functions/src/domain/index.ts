export * from "./vocabulary";
export * from "./issueNumber";
export * from "./statusMachine";
export * from "./permissions";
export * from "./schemas";
export * from "./issue";
export * from "./sla";
