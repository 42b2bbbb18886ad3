import { z } from 'zod';
import { ApiErrorBody } from '../../contracts/api/errors';
import { OperationFile } from '../../contracts/api/files';
import { API_ROUTES } from '../../contracts/api/openapi-routes';

// OpenAPI 3.1 generated from the same zod schemas the SPA uses (JSON Schema 2020-12 is OpenAPI
// 3.1's dialect).

const PARAMETER_SCHEMAS: Record<string, z.ZodType> = {
  operationId: z.string().regex(/^import-[0-9]{8}-[a-z2-7]{10}$/),
  jobId: z
    .string()
    .max(128)
    .describe('The hub job id, or the operation id of a job not yet started'),
  file: OperationFile,
};

export function buildOpenApiDocument(serverUrl?: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorSchema = z.toJSONSchema(ApiErrorBody);
  const errorResponse = (description: string) => ({
    description,
    content: { 'application/json': { schema: errorSchema } },
  });
  for (const route of API_ROUTES) {
    const parameters = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => {
      const name = match[1] ?? '';
      return {
        name,
        in: 'path',
        required: true,
        schema: z.toJSONSchema(PARAMETER_SCHEMAS[name] ?? z.string()),
      };
    });
    const success = route.response
      ? {
          description: 'OK',
          content: {
            'application/json': { schema: z.toJSONSchema(route.response, { io: 'output' }) },
          },
        }
      : {
          description: 'OK',
          content: Object.fromEntries(
            (route.responseContentTypes ?? ['application/json']).map((type) => [type, {}]),
          ),
        };
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, unknown>)[route.method.toLowerCase()] = {
      operationId: route.operationId,
      summary: route.summary,
      description: `Roles: ${route.roles.join(', ')}`,
      'x-roles': route.roles,
      security: [{ bearer: [] }],
      ...(parameters.length ? { parameters } : {}),
      ...(route.request
        ? {
            requestBody: {
              required: true,
              content: {
                'application/json': { schema: z.toJSONSchema(route.request, { io: 'input' }) },
              },
            },
          }
        : {}),
      responses: {
        '200': success,
        '400': errorResponse('VALIDATION_FAILED'),
        '401': errorResponse('UNAUTHENTICATED: missing, malformed, expired or forged token'),
        '403': errorResponse('FORBIDDEN: the token lacks the role; SUPPORT_EXPORTS_DISABLED'),
        '404': errorResponse('NOT_FOUND, JOB_NOT_FOUND, OPERATION_NOT_FOUND'),
        '409': errorResponse(
          'JOB_SLOT_BUSY, START_IN_PROGRESS, START_UNCERTAIN, CONVERTED_FILE_MISMATCH, UPLOAD_MISSING, UPLOAD_EMPTY, JOB_NOT_ACTIVE, ADMIN_OPERATION_PENDING',
        ),
        '429': errorResponse('RATE_LIMITED, SUPPORT_EXPORT_TOO_SOON'),
        '502': errorResponse('HUB_STORAGE_REJECTED, HUB_ERROR, HUB_UNAUTHORIZED, STORAGE_ERROR'),
        '503': errorResponse('HUB_UNAVAILABLE, HUB_THROTTLED, AUTHORITY_UNAVAILABLE'),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'IoT bulk console proxy', version: '1' },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
    paths,
  };
}
