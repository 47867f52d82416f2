import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

// The control plane serves the built dashboard on the same origin as /graphql; in development Vite
// stands in front of it and forwards the API (HTTP and graphql-ws) to a control plane on :8080.
const api = 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [solid()],
  server: {
    proxy: {
      '/graphql': { target: api, ws: true },
      '/healthz': api,
    },
  },
  build: { target: 'es2022' },
});
