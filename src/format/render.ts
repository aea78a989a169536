// Docker's list formatting, shared by every command: "table", "table TEMPLATE", "json" and raw Go
// templates, header rows rendered from the same template, and tabwriter alignment.
import { tabwrite } from './tabwriter.js';
import { compileGoTemplate, type CompiledTemplate } from './gotemplate.js';

export interface FormatSpec {
  /** What the user passed (or '' for default). */
  format: string;
  /** The command's default table, e.g. 'table {{.ID}}\t{{.Image}}…'. */
  defaultTable: string;
  /** Field name → header text ("ID" → "CONTAINER ID"). */
  headers: Record<string, string>;
  /** Go type name for error messages, e.g. '*formatter.ContainerContext'. */
  typeName: string;
}

export interface PreparedFormat {
  isTable: boolean;
  template: string;
  row: CompiledTemplate;
}

const prepared = new Map<string, PreparedFormat>();

/** Applies Docker's format keywords; throws TemplateFailure for bad templates. Cached by text. */
export function prepareFormat(spec: FormatSpec): PreparedFormat {
  const key = `${spec.typeName}\u0000${spec.defaultTable}\u0000${spec.format}`;
  let p = prepared.get(key);
  if (!p) {
    p = prepareUncached(spec);
    if (prepared.size > 200) prepared.clear();
    prepared.set(key, p);
  }
  return p;
}

function prepareUncached(spec: FormatSpec): PreparedFormat {
  let format = spec.format;
  if (format === '' || format === 'table') format = spec.defaultTable;
  else if (format === 'json') format = '{{json .}}';
  const isTable = format.startsWith('table');
  let template = isTable ? format.slice(5).replace(/^ +| +$/g, '') : format;
  template = template.replace(/\\t/g, '\t').replace(/\\n/g, '\n');
  return { isTable, template, row: compileGoTemplate(template, spec.typeName) };
}

/** Renders rows (context objects) into the final text, header included for tables. */
export function renderRows(prepared: PreparedFormat, spec: FormatSpec, rows: object[]): string {
  let text = '';
  if (prepared.isTable) text += prepared.row.header(spec.headers) + '\n';
  for (const r of rows) text += prepared.row.execute(r) + '\n';
  return prepared.isTable ? tabwrite(text) : text;
}
