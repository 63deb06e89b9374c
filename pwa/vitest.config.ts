import preact from "@preact/preset-vite";
import { defineConfig } from "vitest/config";

// Tests need only the JSX transform, not the PWA plugin. Node by default; component tests
// opt into happy-dom with a `// @vitest-environment happy-dom` line.
export default defineConfig({
  plugins: [preact({ prerender: { enabled: false } })],
  test: {
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/test/setup.ts"],
    environment: "node",
    environmentOptions: {
      happyDOM: { url: "http://localhost:3000/" },
    },
  },
});
