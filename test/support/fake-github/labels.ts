// Repository labels: remind looks its label up and creates it when missing.
import { type AddRoute, DOCS, type Reply, countChars, isRecord } from './shared.js';
import type { World } from './world.js';

export function addLabelRoutes(w: World, route: AddRoute): void {
  const { state, labelJson, createLabel, json, notFound, invalidRequest, validationFailed } = w;

  const getLabelDocs = `${DOCS}/issues/labels#get-a-label`;
  route('GET', '/repos/{owner}/{repo}/labels/{name}', getLabelDocs, (ctx) => {
    const label = state.labels.get((ctx.params['name'] ?? '').toLowerCase());
    return label ? json(200, labelJson(label)) : notFound(getLabelDocs);
  });

  function readLabelFields(body: Record<string, unknown>, docs: string): Reply | { color?: string; description?: string | null } {
    const color = body['color'];
    const description = body['description'];
    const out: { color?: string; description?: string | null } = {};
    if (color !== undefined && color !== null) {
      const hex = typeof color === 'string' ? color.replace(/^#/, '') : '';
      if (!/^[0-9a-fA-F]{6}$/.test(hex)) {
        return validationFailed(docs, [{ resource: 'Label', code: 'invalid', field: 'color' }]);
      }
      out.color = hex;
    }
    if (description !== undefined) {
      if (description !== null && typeof description !== 'string') {
        return invalidRequest(docs, 'For \'properties/description\', it is not a string or null.');
      }
      if (typeof description === 'string' && countChars(description) > 100) {
        return validationFailed(docs, [
          { resource: 'Label', code: 'custom', field: 'description', message: 'description is too long (maximum is 100 characters)' },
        ]);
      }
      out.description = description;
    }
    return out;
  }

  const createLabelDocs = `${DOCS}/issues/labels#create-a-label`;
  route('POST', '/repos/{owner}/{repo}/labels', createLabelDocs, (ctx) => {
    const body = ctx.body;
    if (!isRecord(body)) return invalidRequest(createLabelDocs, 'Body should be a JSON object.');
    const name = body['name'];
    if (name === undefined || name === null) return invalidRequest(createLabelDocs, '"name" wasn\'t supplied.');
    if (typeof name !== 'string' || name.trim() === '') {
      return validationFailed(createLabelDocs, [{ resource: 'Label', code: 'missing_field', field: 'name' }]);
    }
    const fields = readLabelFields(body, createLabelDocs);
    if ('status' in fields) return fields;
    if (state.labels.has(name.toLowerCase())) {
      return validationFailed(createLabelDocs, [{ resource: 'Label', code: 'already_exists', field: 'name' }]);
    }
    const label = createLabel({ name, ...fields });
    const out = labelJson(label);
    return json(201, out, { location: out.url });
  });

}
