// Swagger UI over the API's own OpenAPI description.
window.SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true });
