import type { Express, RequestHandler } from 'express';

/** One route as mounted in the real Express router. */
export interface MountedRoute {
  method: string;
  path: string;
  handlers: RequestHandler[];
}

interface Layer {
  rawPath?: string | string[];
  route?: { path: string; methods: Record<string, boolean>; stack: Array<{ handle: RequestHandler; method?: string }> };
  handle: RequestHandler & { stack?: Layer[] };
}

/** Walks the application's router (and mounted routers) and lists every route with its handlers. */
export function listRoutes(app: Express): MountedRoute[] {
  const out: MountedRoute[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) {
          out.push({ method: method.toUpperCase(), path: (prefix + layer.route.path).replace(/(.)\/$/, '$1'), handlers: layer.route.stack.map((s) => s.handle) });
        }
      } else if (layer.handle.stack && typeof layer.rawPath === 'string') {
        walk(layer.handle.stack, prefix + (layer.rawPath === '/' ? '' : layer.rawPath));
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return out;
}
