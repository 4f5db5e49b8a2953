// GET /graphql from a browser: a small, self-contained query explorer (no CDN, no external assets). It is not
// GraphiQL: no `graphiql` package is installed (see docs/API.md); it runs queries and browses the schema.
export const explorerPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Hyperscope GraphQL explorer</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{margin:0;font:14px system-ui,sans-serif;display:grid;grid-template-columns:1fr 1fr 320px;grid-template-rows:auto 1fr;height:100vh}
header{grid-column:1/4;display:flex;gap:8px;align-items:center;padding:8px;border-bottom:1px solid #ccc}
header h1{font-size:16px;margin:0 12px 0 0}
textarea,pre{box-sizing:border-box;width:100%;margin:0;font:13px ui-monospace,monospace;border:0;padding:8px}
section{display:flex;flex-direction:column;border-right:1px solid #ccc;min-height:0}
#query{flex:3}#variables{flex:1;border-top:1px solid #ccc}
#result{flex:1;overflow:auto;background:#f7f7f7}
#docs{overflow:auto;padding:8px}#docs h3{margin:12px 0 4px;font-size:13px}#docs div{font:12px ui-monospace,monospace}
</style></head><body>
<header><h1>Hyperscope GraphQL</h1><button id="run">Run (Ctrl+Enter)</button>
<label>API token <input id="token" type="password" size="24" autocomplete="off"></label></header>
<section><textarea id="query" spellcheck="false" aria-label="Query">{
  serverInfo { version databaseKind trainingBackend }
  studies(first: 10) { totalCount nodes { id name dataset state stateCounts { complete running } } }
}</textarea><textarea id="variables" spellcheck="false" aria-label="Variables (JSON)">{}</textarea></section>
<section><pre id="result" aria-live="polite"></pre></section>
<aside id="docs" aria-label="Schema"></aside>
<script>
const $ = (id) => document.getElementById(id);
async function post(query, variables) {
  const headers = { 'content-type': 'application/json' };
  if ($('token').value) headers.authorization = 'Bearer ' + $('token').value;
  const response = await fetch(location.pathname, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return response.json();
}
async function run() {
  let variables = {};
  try { variables = JSON.parse($('variables').value || '{}'); } catch (e) { $('result').textContent = 'Variables: ' + e.message; return; }
  $('result').textContent = '…';
  $('result').textContent = JSON.stringify(await post($('query').value, variables), null, 2);
}
$('run').onclick = run;
document.addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) run(); });
const typeName = (t) => t.kind === 'NON_NULL' ? typeName(t.ofType) + '!' : t.kind === 'LIST' ? '[' + typeName(t.ofType) + ']' : t.name;
post('{ __schema { types { name kind description fields { name args { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } inputFields { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } enumValues { name } } } }')
  .then(({ data }) => {
    const docs = $('docs');
    for (const type of data.__schema.types.filter((t) => !t.name.startsWith('__'))) {
      const h = document.createElement('h3'); h.textContent = type.kind.toLowerCase() + ' ' + type.name; docs.append(h);
      const lines = (type.fields || type.inputFields || []).map((f) => f.name + (f.args && f.args.length ? '(' + f.args.map((a) => a.name + ': ' + typeName(a.type)).join(', ') + ')' : '') + ': ' + typeName(f.type))
        .concat((type.enumValues || []).map((v) => v.name));
      for (const line of lines) { const d = document.createElement('div'); d.textContent = line; docs.append(d); }
    }
  });
</script></body></html>`;
