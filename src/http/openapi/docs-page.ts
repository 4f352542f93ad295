/**
 * The /docs page and its init script. Kept as modules rather than loose files so that they are
 * part of every build (`dist/` holds compiled TypeScript only) and need no path at run time.
 * The script is served as its own resource, never inlined: the page runs under `script-src 'self'`.
 */

/** `GET /docs`: Swagger UI's assets, then our init script. */
export const DOCS_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Article search API</title>
    <link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png" />
    <link rel="stylesheet" href="/docs/assets/index.css" />
    <link rel="stylesheet" href="/docs/assets/swagger-ui.css" />
  </head>
  <body>
    <nav><a href="/">&larr; Back to the search page</a></nav>
    <div id="swagger-ui"></div>
    <script src="/docs/assets/swagger-ui-bundle.js"></script>
    <script src="/docs/swagger-init.js"></script>
  </body>
</html>
`;

/**
 * `GET /docs/swagger-init.js`: starts Swagger UI on our document. `validatorUrl: null` keeps it
 * from sending the document to validator.swagger.io (a third-party request the CSP would block).
 */
export const SWAGGER_INIT_JS = `window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
  validatorUrl: null,
});
`;
