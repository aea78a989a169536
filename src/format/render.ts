// Docker's list formatting, shared by every command: "table", "table TEMPLATE", "json" and raw Go
// templates, header rows rendered from the same template, and tabwriter alignment.
import { tabwrite, tabwriteColumns } from './tabwriter.js';
import { compileGoTemplate, type CompiledTemplate, type FieldColumns } from './gotemplate.js';

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
  const simple = prepared.row.fieldColumns?.(rows);
  if (simple) {
    if (!prepared.isTable) return plainText(simple, rows.length);
    const table = tableText(prepared.row.header(spec.headers), simple, rows.length);
    if (table !== undefined) return table;
  }
  let text = '';
  if (prepared.isTable) text += prepared.row.header(spec.headers) + '\n';
  for (const r of rows) text += prepared.row.execute(r) + '\n';
  return prepared.isTable ? tabwrite(text) : text;
}

function plainText({ texts, columns }: FieldColumns, rowCount: number): string {
  let text = '';
  for (let i = 0; i < rowCount; i++) {
    text += texts[0];
    for (let k = 0; k < columns.length; k++) text += columns[k][i] + texts[k + 1];
    text += '\n';
  }
  return text;
}

const CELL_BREAK = /[\t\n]/;

/**
 * A table of a simple template, cell by cell: the tabs of its text split every row into the same
 * cells, so there is no row text to split again. Undefined when a value or the header has a tab
 * or a line break of its own (then the rows are aligned from their text, as the Go tabwriter
 * sees it).
 */
function tableText(header: string, { texts, columns }: FieldColumns, rowCount: number): string | undefined {
  if (texts.some((t) => t.includes('\n')) || columns.some((c) => CELL_BREAK.test(c.join('')))) return undefined;
  // Each cell: the pieces between two tabs of the template, as text or a field's index.
  const plan: (string | number)[][] = [[]];
  texts.forEach((t, k) => {
    t.split('\t').forEach((part, n) => {
      if (n > 0) plan.push([]);
      if (part) plan[plan.length - 1].push(part);
    });
    if (k < columns.length) plan[plan.length - 1].push(k);
  });
  const headerCells = header.split('\t');
  if (headerCells.length !== plan.length) return undefined;
  const cells = plan.map((parts) => {
    if (parts.length === 1 && typeof parts[0] === 'number') return columns[parts[0]];
    const cell = new Array<string>(rowCount);
    for (let i = 0; i < rowCount; i++) {
      let s = '';
      for (const p of parts) s += typeof p === 'string' ? p : columns[p][i];
      cell[i] = s;
    }
    return cell;
  });
  return tabwriteColumns(headerCells, cells, rowCount);
}
