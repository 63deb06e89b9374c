import preact from "@preact/preset-vite";
import { defineConfig } from "vitest/config";

// Tests need only the JSX transform, not the PWA plugin.
export default defineConfig({
  plugins: [preact({ prerender: { enabled: false } })],
  test: {
    include: ["src/**/*.test.{ts,tsx}"],
    environment: "node",
  },
});
