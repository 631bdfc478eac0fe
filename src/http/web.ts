// Serves the web app. Until the React app exists (web-app issue), a small page that points to the API.
export function webPlaceholder(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>socialbench</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:720px;margin:3rem auto;padding:0 1rem}</style></head>
<body><h1>socialbench</h1><p>The service is running. The web app arrives in a later release; meanwhile the
<a href="/api/docs">API reference</a> and the <a href="/api/openapi.json">OpenAPI document</a> describe what it can do.</p>
<p><a href="/api/health">Health</a> · <a href="/api/organizations/BSN">BSN</a> · <a href="/api/organizations?group=ISO">ISO members</a></p>
<p><small>Figures of demo organisations are synthetic, except BSN's reported 2019 follower counts.</small></p></body></html>`;
}
