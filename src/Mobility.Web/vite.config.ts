import { defineConfig } from "vitest/config";
import preact from "@preact/preset-vite";

// The build goes where the ASP.NET server serves its static files from; the folder is generated, never committed.
export default defineConfig({
  plugins: [preact()],
  define: { BUILD_ID: JSON.stringify(String(Date.now())) },
  build: {
    outDir: "../Mobility.Server/wwwroot",
    emptyOutDir: true,
    // The map library is large and only needed where a map is opened: its own chunk, loaded on demand.
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      input: { app: "index.html", sw: "src/sw.ts" },
      output: { entryFileNames: (chunk) => (chunk.name === "sw" ? "sw.js" : "assets/[name]-[hash].js") },
    },
  },
  server: { proxy: { "/api": "http://127.0.0.1:5080", "/hubs": { target: "http://127.0.0.1:5080", ws: true }, "/tiles": "http://127.0.0.1:5080" } },
  test: { environment: "happy-dom", include: ["src/**/*.test.ts", "src/**/*.test.tsx"] },
});
