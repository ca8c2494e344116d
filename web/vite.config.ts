import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The domain vocabulary lives in functions/src/domain and is shared, not copied.
const domain = fileURLToPath(new URL("../functions/src/domain", import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { "@firetrack/domain": domain } },
  server: { fs: { allow: [".."] } },
});
