// vitest: unit and integration tests under test/ (real SQLite files, real HTTP servers on localhost).
// Playwright specs live in e2e/ and are run by `playwright test`, not here.
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    environment: "node",
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
  },
});
