// The reference docs at /docs/api: Swagger UI (served from our own origin) reading our
// OpenAPI document. Nothing leaves the site: no online validator badge (validatorUrl),
// no remote config; "Try it out" calls go to this origin.
/* global SwaggerUIBundle */
SwaggerUIBundle({
  url: '/api/v1/openapi.json',
  dom_id: '#api-reference',
  validatorUrl: null,
  deepLinking: true,
  docExpansion: 'list',
  defaultModelsExpandDepth: 0,
  defaultModelExpandDepth: 2,
  displayOperationId: false,
  filter: true,
  tryItOutEnabled: false,
  withCredentials: true,
  queryConfigEnabled: false,
});
