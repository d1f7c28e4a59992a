// Swagger UI on this service's OpenAPI document; "Authorize" runs the OAuth2 password flow against /auth/login.
window.ui = SwaggerUIBundle({
    url: '/auth/docs/openapi.yaml',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: 'BaseLayout',
    tryItOutEnabled: true
});
