// CORS for the HTTP API (HYPERSCOPE_CORS_ORIGINS). The dashboard is same-origin and needs none; other origins are
// allowed only when listed ("*" allows any).
import type { RequestHandler } from 'express';
import type { IncomingMessage } from 'node:http';

export function corsMiddleware(allowedOrigins: readonly string[]): RequestHandler {
  return (request, response, next) => {
    const origin = request.headers.origin;
    if (origin && isAllowedOrigin(origin, allowedOrigins)) {
      response.set('Access-Control-Allow-Origin', origin);
      response.set('Access-Control-Allow-Credentials', 'true');
      response.append('Vary', 'Origin');
      if (request.method === 'OPTIONS') {
        response.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
        response.set('Access-Control-Allow-Headers', 'content-type, authorization, apollo-require-preflight');
        response.set('Access-Control-Max-Age', '600');
        response.status(204).end();
        return;
      }
    }
    next();
  };
}

export function isAllowedOrigin(origin: string, allowedOrigins: readonly string[]): boolean {
  return allowedOrigins.includes('*') || allowedOrigins.includes(origin);
}

/** WebSockets skip CORS: a browser on another site could open one with the user's network position. */
export function isAllowedWebSocketOrigin(request: IncomingMessage, allowedOrigins: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (!origin) return true; // not a browser
  try {
    if (new URL(origin).host === request.headers.host) return true;
  } catch {
    return false;
  }
  return isAllowedOrigin(origin, allowedOrigins);
}
