// GET /graphql from a browser: GraphiQL, with React and GraphiQL loaded from this server (see graphiql-router.ts),
// never from a CDN, so it works offline. Queries go over HTTP, subscriptions over graphql-ws, both at /graphql.

/** The URL path the page loads its files from. */
export const GRAPHIQL_ASSET_PATH = '/graphiql';

const EXAMPLE_QUERY = `# Hyperscope GraphQL API: the schema is in the Docs panel (top left).
# Subscriptions (studyEvents, studies, workers, heartbeat) stream here over graphql-ws.
{
  serverInfo { version databaseKind trainingBackend }
  studies(first: 10) { totalCount nodes { id name dataset state stateCounts { complete running } } }
}
`;

/**
 * Started by the page; a separate file rather than inline so that the page's CSP can forbid inline scripts.
 * The headers editor's JSON goes with every HTTP request and, as connection params, with every subscription.
 */
export const graphiqlStartScript = `(function () {
  var root = document.getElementById('graphiql');
  var url = location.origin + location.pathname;
  var tokenRequired = root.getAttribute('data-token-required') === 'true';
  var fetcher = GraphiQL.createFetcher({ url: url, subscriptionUrl: url.replace(/^http/, 'ws') });
  var props = { fetcher: fetcher, defaultQuery: ${JSON.stringify(EXAMPLE_QUERY)}, shouldPersistHeaders: false };
  if (tokenRequired) {
    // Mutations and subscriptions need the API token: show where it goes.
    props.defaultHeaders = '{\\n  "authorization": "Bearer <HYPERSCOPE_API_TOKEN>"\\n}';
    props.defaultEditorToolsVisibility = 'headers';
  }
  ReactDOM.createRoot(root).render(React.createElement(GraphiQL, props));
})();
`;

export function graphiqlPage(options: { tokenRequired: boolean; assets: { scripts: string[]; styles: string[] } }): string {
  const styles = options.assets.styles.map((href) => `<link rel="stylesheet" href="${href}">`).join('\n');
  const scripts = options.assets.scripts.map((src) => `<script src="${src}"></script>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Hyperscope GraphQL</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
${styles}
</head><body style="margin:0">
<div id="graphiql" style="height:100vh" data-token-required="${options.tokenRequired}">Loading GraphiQL…</div>
${scripts}
</body></html>`;
}
