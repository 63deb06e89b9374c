import { fileURLToPath } from "node:url";
import preact from "@preact/preset-vite";
import { build, defineConfig, type Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";

const THEME_COLOR = "#0b5563";
const BACKEND = "http://localhost:8000";
const ROOT = fileURLToPath(new URL(".", import.meta.url));

/**
 * The staff console (staff/index.html → dist/staff/index.html) as a build of its own, after
 * the resident app's: two inputs in one build would move the code both pages use into a
 * shared chunk, and splitting the resident's first download in two costs ~2 KB gzipped of
 * its 80 KB budget. A separate build shares nothing: the console's files are all
 * dist/staff/index.html and dist/assets/staff-*, which the service worker never precaches.
 * In `npm run dev`, every /staff path without a dot is answered with staff/index.html, as
 * the backend does.
 */
function staffConsole(): Plugin[] {
  const devPages: Plugin = {
    name: "resident-portal:staff-console-dev",
    apply: "serve",
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const path = (req.url ?? "").split("?")[0] ?? "";
        if (/^\/staff(\/[^.]*)?$/.test(path) && !path.startsWith("/staff/api/")) {
          req.url = "/staff/index.html";
        }
        next();
      });
    },
  };
  const consoleBuild: Plugin = {
    name: "resident-portal:staff-console",
    apply: "build",
    async closeBundle() {
      await build({
        configFile: false,
        root: ROOT,
        logLevel: "warn",
        plugins: [preact({ prerender: { enabled: false } })],
        build: {
          outDir: "dist",
          emptyOutDir: false,
          manifest: false, // dist/.vite/manifest.json stays the resident app's (budget.mjs)
          rolldownOptions: {
            input: fileURLToPath(new URL("staff/index.html", import.meta.url)),
            output: {
              entryFileNames: "assets/staff-[hash].js",
              chunkFileNames: "assets/staff-[name]-[hash].js",
              assetFileNames: "assets/staff-[name]-[hash][extname]",
            },
          },
        },
      });
    },
  };
  return [devPages, consoleBuild];
}

export default defineConfig({
  plugins: [
    preact({ prerender: { enabled: false } }),
    ...staffConsole(),
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
        // The staff console is another page (desktop, online): never in the resident's precache.
        globIgnores: ["**/node_modules/**/*", "staff/**", "assets/staff-*"],
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
