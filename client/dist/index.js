export { createFiretrackClient } from "./client.js";
export { describeError, errorFingerprint, parseStack } from "./errorReport.js";
//# sourceMappingURL=index.js.map