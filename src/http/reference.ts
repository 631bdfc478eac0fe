// A readable, dependency-free API reference page rendered on the server from the OpenAPI document.
type Json = Record<string, unknown>;

const esc = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function schemaText(schema: unknown): string {
  if (!schema || typeof schema !== 'object') return '';
  const s = schema as Json;
  if (typeof s.$ref === 'string') return s.$ref.replace('#/components/schemas/', '');
  if (s.type === 'array') return `${schemaText(s.items)}[]`;
  if (Array.isArray(s.type)) return s.type.join(' | ');
  if (Array.isArray(s.enum)) return s.enum.map(String).join(' | ');
  return typeof s.type === 'string' ? s.type : 'object';
}

function properties(schema: Json): string {
  const props = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const rows = Object.entries(props)
    .map(([name, p]) => `<tr><td><code>${esc(name)}</code>${required.has(name) ? ' *' : ''}</td><td>${esc(schemaText(p))}</td><td>${esc(p.description ?? '')}${p.pattern ? ` <small>pattern ${esc(p.pattern)}</small>` : ''}</td></tr>`)
    .join('');
  return rows ? `<table><tr><th>field</th><th>type</th><th>notes</th></tr>${rows}</table>` : '';
}

export function renderReference(doc: Json): string {
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Json>>;
  const ops: string[] = [];
  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = ((op.parameters as Json[] | undefined) ?? [])
        .map((p) => `<li><code>${esc(p.name)}</code> (${esc(p.in)}${p.required ? ', required' : ''}) ${esc(schemaText(p.schema))} ${esc((p.schema as Json | undefined)?.description ?? '')}</li>`)
        .join('');
      const reqBody = ((op.requestBody as Json | undefined)?.content as Record<string, Json> | undefined)?.['application/json']?.schema;
      const responses = Object.entries((op.responses ?? {}) as Record<string, Json>)
        .map(([code, r]) => `<li><b>${esc(code)}</b> ${esc(r.description)} ${esc(schemaText((r.content as Record<string, Json> | undefined)?.['application/json']?.schema))}</li>`)
        .join('');
      ops.push(`<section><h3><span class="m ${esc(method)}">${esc(method.toUpperCase())}</span> <code>/api${esc(path)}</code></h3>
<p>${esc(op.summary)}</p>${params ? `<h4>Parameters</h4><ul>${params}</ul>` : ''}${reqBody ? `<h4>Body</h4><p>${esc(schemaText(reqBody))}</p>` : ''}<h4>Responses</h4><ul>${responses}</ul></section>`);
    }
  }
  const schemas = Object.entries(((doc.components as Json | undefined)?.schemas ?? {}) as Record<string, Json>)
    .map(([name, s]) => `<section id="${esc(name)}"><h3>${esc(name)}</h3>${properties(s)}</section>`)
    .join('');
  const info = (doc.info ?? {}) as Json;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(info.title)} API reference</title><style>
body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1b1f24}
section{border-top:1px solid #ddd;padding:.5rem 0}h3{margin:.5rem 0}code{background:#f3f4f6;padding:0 .25rem;border-radius:3px}
.m{display:inline-block;min-width:4.5rem;text-align:center;border-radius:4px;color:#fff;font-size:.8rem;padding:.1rem .3rem}
.get{background:#2563eb}.post{background:#16a34a}.patch{background:#ca8a04}.put{background:#7c3aed}.delete{background:#dc2626}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;vertical-align:top}</style></head>
<body><h1>${esc(info.title)} API <small>${esc(info.version)}</small></h1><p>${esc(info.description)}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a>. Errors always have the shape
<code>{"error": {"code", "message", "details"}}</code>. Lists are paged: pass <code>next_cursor</code> back as <code>cursor</code>.</p>
<h2>Operations</h2>${ops.join('')}<h2>Schemas</h2>${schemas}</body></html>`;
}
