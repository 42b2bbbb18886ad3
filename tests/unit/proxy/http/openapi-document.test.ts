import { describe, expect, it } from 'vitest';
import { API_ROUTES } from '../../../../src/contracts/api/openapi-routes';
import { buildOpenApiDocument } from '../../../../src/proxy/http/openapi-document';

describe('buildOpenApiDocument', () => {
  const document = buildOpenApiDocument() as {
    openapi: string;
    paths: Record<string, Record<string, { security: unknown[]; requestBody?: unknown }>>;
  };

  it('documents every contract route, each behind the bearer scheme', () => {
    expect(document.openapi).toBe('3.1.0');
    for (const route of API_ROUTES) {
      const operation = document.paths[route.path]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      expect(operation?.security).toEqual([{ bearer: [] }]);
    }
  });

  it('takes request bodies from the shared zod schemas, defaults included', () => {
    const body = document.paths['/api/exports']?.post?.requestBody as {
      content: Record<string, { schema: { properties: Record<string, { default?: unknown }> } }>;
    };
    expect(body.content['application/json']?.schema.properties.excludeKeys?.default).toBe(true);
  });
});
