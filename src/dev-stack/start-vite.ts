import { createServer } from 'vite';

// `npm run dev`: Vite's dev server (HMR) in front of the running proxy. The SPA's same-origin
// calls (/api, /config.json, /healthz) are forwarded to the proxy, so the browser code is the same
// as when the proxy serves the built files itself.

export interface ViteOptions {
  port: number;
  proxyUrl: string;
  host?: string;
}

export interface ViteHandle {
  url: string;
  close(): Promise<void>;
}

export async function startVite(options: ViteOptions): Promise<ViteHandle> {
  const target = options.proxyUrl;
  const server = await createServer({
    server: {
      host: options.host ?? '127.0.0.1',
      port: options.port,
      // The port is registered as a redirect URI at the authority; another port would break
      // sign-in.
      strictPort: true,
      proxy: {
        '/api': { target },
        '/config.json': { target },
        '/healthz': { target },
      },
    },
  });
  await server.listen();
  return { url: `http://localhost:${options.port}`, close: () => server.close() };
}
