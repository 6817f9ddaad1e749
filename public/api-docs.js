// The reference docs at /docs/api: Scalar's standalone bundle (served from our own origin)
// reading our OpenAPI document. Nothing leaves the site: no default web fonts, no telemetry,
// no agent or MCP features, no proxy; "Try it" calls go straight to this origin.
/* global Scalar */
Scalar.createApiReference('#api-reference', {
  url: '/api/v1/openapi.json',
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  mcp: { disabled: true },
  hideClientButton: false,
  showDeveloperTools: 'never',
  persistAuth: false,
  documentDownloadType: 'json',
  metaData: { title: 'livepage API reference' },
});
