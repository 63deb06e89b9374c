import preact from "@preact/preset-vite";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";

const THEME_COLOR = "#0b5563";
const BACKEND = "http://localhost:8000";

export default defineConfig({
  plugins: [
    preact({ prerender: { enabled: false } }),
    VitePWA({
      strategies: "injectManifest",
      srcDir: "src/sw",
      filename: "sw.ts",
      registerType: "prompt",
      // The CSP forbids inline scripts: src/features/update/serviceWorker.ts registers it.
      injectRegister: false,
      // Precache the app shell; the PNG icons are fetched by the OS at install time.
      includeManifestIcons: false,
      injectManifest: {
        globPatterns: ["**/*.{js,css,html,svg}"], // + manifest.webmanifest, added by the plugin
      },
      manifest: {
        id: "/",
        name: "Asukasportaali – Resident Portal",
        short_name: "Asukas",
        description:
          "Asukasportaali: vikailmoitukset, viestit ja tiedotteet vuokra-asukkaille. Invånarportalen. Resident Portal.",
        lang: "fi",
        dir: "ltr",
        start_url: "/",
        scope: "/",
        display: "standalone",
        background_color: "#ffffff",
        theme_color: THEME_COLOR,
        icons: [
          { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
          { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
          {
            src: "/icons/icon-maskable-512.png",
            sizes: "512x512",
            type: "image/png",
            purpose: "maskable",
          },
        ],
        // Made by `python -m tests.bench.screenshots`; labels localized by the server.
        screenshots: [
          {
            src: "/screenshots/home-narrow.png",
            sizes: "540x1170",
            type: "image/png",
            form_factor: "narrow",
            label: "Etusivu: koti, päivystysnumero, vikailmoitukset, tiedotteet ja vuokra",
          },
          {
            src: "/screenshots/home-wide.png",
            sizes: "1280x800",
            type: "image/png",
            form_factor: "wide",
            label: "Etusivu: koti, päivystysnumero, vikailmoitukset, tiedotteet ja vuokra",
          },
        ],
      },
    }),
  ],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    manifest: true, // read by scripts/budget.mjs
  },
  server: {
    proxy: {
      "/api": BACKEND,
      "/auth": BACKEND,
      "/health": BACKEND,
      "/schema": BACKEND,
      "/oidc": BACKEND,
    },
  },
});
