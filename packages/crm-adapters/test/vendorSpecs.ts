// Vendor OpenAPI documents for the contract tests, read from the npm packages that ship them
// (never copied into the repo) and patched in memory where a detail stops Prism from mocking.
import { readFileSync } from 'node:fs';
import { packageFile } from './prism';

type Json = Record<string, unknown>;

function load(name: string, file: string): Json {
  return JSON.parse(readFileSync(packageFile(name, file), 'utf8')) as Json;
}

/** Error bodies declared as `*` `/` `*` make Prism answer 500: declare them JSON. */
function jsonErrors(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(jsonErrors);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as Json;
  const content = record.content as Json | undefined;
  if (content && '*/*' in content) {
    content['application/json'] = content['*/*'];
    delete content['*/*'];
  }
  Object.values(record).forEach(jsonErrors);
}

/** Some schemas show an example without a property they require (HubSpot's objects lack `id`):
 * drop such examples so that Prism builds one from the schema. */
function dropIncompleteExamples(schemas: Json): void {
  for (const schema of Object.values(schemas) as Json[]) {
    const example = schema.example;
    const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
    if (
      typeof example === 'object' &&
      example !== null &&
      required.some((name) => !(name in example))
    ) {
      delete schema.example;
    }
  }
}

function merge(documents: Json[]): Json {
  const [first, ...rest] = documents as [Json, ...Json[]];
  const paths = { ...(first.paths as Json) };
  const components = structuredClone(first.components as Record<string, Json>);
  for (const document of rest) {
    Object.assign(paths, document.paths);
    for (const [kind, entries] of Object.entries(document.components as Record<string, Json>)) {
      components[kind] = { ...entries, ...components[kind] };
    }
  }
  const merged = { ...first, paths, components };
  jsonErrors(merged);
  dropIncompleteExamples(components.schemas ?? {});
  return merged;
}

/** HubSpot's contacts, tickets and generic objects (calls, notes) documents as one. */
export function hubspotSpec(): Json {
  return merge(
    ['hubspot_crm_contacts', 'hubspot_crm_tickets', 'hubspot_crm_objects'].map((name) =>
      load('@opensdks/sdk-hubspot', `${name}.oas.json`),
    ),
  );
}

/** Every component `#/components/<kind>/<name>` that `node` refers to, directly or not. */
function referenced(
  node: unknown,
  components: Record<string, Json>,
  seen = new Set<string>(),
): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => referenced(item, components, seen));
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && !seen.has(value)) {
        seen.add(value);
        const [, , kind = '', name = ''] = value.split('/');
        referenced(components[kind]?.[name], components, seen);
      } else referenced(value, components, seen);
    }
  }
  return seen;
}

/**
 * Salesforce's REST document (19 MB, 2,180 paths), cut in memory to the sObjects the adapter
 * uses so that Prism starts fast. The document has no `query` resource: the test adds a minimal
 * hand-written one (GET /query?q=SOQL answering `{ totalSize, done, records }`, from Salesforce's
 * public REST reference).
 */
export function salesforceSpec(): Json {
  const full = load('@opensdks/sdk-salesforce', 'salesforce.oas.json');
  const allPaths = full.paths as Json;
  const objects = ['Contact', 'Task', 'Case', 'CaseComment'];
  const paths: Json = {};
  for (const object of objects) {
    paths[`/sobjects/${object}`] = allPaths[`/sobjects/${object}`];
    paths[`/sobjects/${object}/{id}`] = allPaths[`/sobjects/${object}/{id}`];
  }
  paths['/query'] = {
    get: {
      operationId: 'query',
      parameters: [
        { name: 'q', in: 'query', required: true, schema: { type: 'string', minLength: 1 } },
      ],
      responses: {
        '200': {
          description: 'Query result',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['totalSize', 'done', 'records'],
                properties: {
                  totalSize: { type: 'integer' },
                  done: { type: 'boolean' },
                  records: { type: 'array', items: { type: 'object' } },
                },
              },
              example: { totalSize: 0, done: true, records: [] },
            },
          },
        },
      },
    },
  };
  const all = full.components as Record<string, Json>;
  const components: Record<string, Json> = { securitySchemes: all.securitySchemes ?? {} };
  for (const ref of referenced(paths, all)) {
    const [, , kind = '', name = ''] = ref.split('/');
    components[kind] = { ...components[kind], [name]: all[kind]?.[name] };
  }
  return merge([{ ...full, servers: [], paths, components }]);
}
