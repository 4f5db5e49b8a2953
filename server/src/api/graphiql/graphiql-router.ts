// Serves GraphiQL at /graphql to browsers, and the files it needs from the installed npm packages (resolved, not
// hard-coded: wherever npm put them), so the explorer needs no network beyond this server.
import { createRequire } from 'node:module';
import path from 'node:path';
import express from 'express';
import { GRAPHIQL_ASSET_PATH, graphiqlPage, graphiqlStartScript } from './graphiql-page.js';

const require = createRequire(import.meta.url);

/** react and react-dom keep their UMD builds out of `exports`: resolve the package, then the file inside it. */
const packageFile = (name: string, file: string) => path.join(path.dirname(require.resolve(`${name}/package.json`)), file);

/** In load order: React before ReactDOM before GraphiQL before the script that starts it. */
const FILES: Record<string, string> = {
  'graphiql.min.css': packageFile('graphiql', 'graphiql.min.css'),
  'react.production.min.js': packageFile('react', 'umd/react.production.min.js'),
  'react-dom.production.min.js': packageFile('react-dom', 'umd/react-dom.production.min.js'),
  'graphiql.min.js': packageFile('graphiql', 'graphiql.min.js'),
};
const START_SCRIPT = 'start.js';

// Inline styles: React and GraphiQL set style attributes. data: fonts and images are embedded in GraphiQL's CSS.
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; connect-src 'self'";

export function graphiqlRouter(options: { tokenRequired: boolean }): express.Router {
  const names = Object.keys(FILES);
  const page = graphiqlPage({
    tokenRequired: options.tokenRequired,
    assets: {
      styles: names.filter((name) => name.endsWith('.css')).map((name) => `${GRAPHIQL_ASSET_PATH}/${name}`),
      scripts: [...names.filter((name) => name.endsWith('.js')), START_SCRIPT].map((name) => `${GRAPHIQL_ASSET_PATH}/${name}`),
    },
  });
  const router = express.Router();
  router.get('/graphql', (request, response, next) => {
    // GET with ?query=… stays a GraphQL request, as does anything that prefers JSON.
    if (request.accepts(['application/json', 'text/html']) !== 'text/html' || request.query.query) return next();
    response.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    response.type('html').send(page);
  });
  router.get(`${GRAPHIQL_ASSET_PATH}/${START_SCRIPT}`, (_request, response) => {
    response.type('text/javascript').send(graphiqlStartScript);
  });
  router.get(`${GRAPHIQL_ASSET_PATH}/:name`, (request, response, next) => {
    const file = Object.hasOwn(FILES, request.params.name) ? FILES[request.params.name] : undefined;
    if (!file) return next();
    response.sendFile(file, { maxAge: '1h' });
  });
  return router;
}
