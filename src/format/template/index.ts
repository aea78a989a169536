/**
 * Go text/template for Docker's `--format` flags.
 *
 *   const t = parseTemplate('{{.ID}}\t{{.Image}}', dockerFuncs);   // throws TemplateParseError
 *   t.execute(row);                                                  // throws TemplateExecError
 *
 * See values.ts for how JavaScript values map to Go values, and `asStruct` / `asMap` to give
 * objects Go semantics and type names.
 */

export { parseTemplate, Template } from './template.js';
export type { ParseOptions, ExecuteOptions } from './template.js';
export type { FuncMap, MissingKey, TemplateFunc } from './exec.js';
export { FUNC_VALUE } from './exec.js';
export { TemplateParseError, TemplateExecError } from './errors.js';
export {
  GO_TYPE,
  GO_FUNC,
  asStruct,
  asMap,
  asSlice,
  goFunc,
  goNum,
  goFloat,
  goNil,
  GoNumber,
  GoNil,
  typeName as goTypeName,
} from './values.js';
export type { GoTypeInfo, GoFuncSpec, GoParamType, GoNumType } from './values.js';
export { dockerFuncs, dockerHeaderFuncs, dockerJSON, goSplit, goTitle } from './docker.js';
export { sprint, sprintf, sprintln } from './fmt.js';
export { marshalJSON } from './json.js';
