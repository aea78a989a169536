// The one place list commands turn a --format into output. Template errors become the CLI's
// messages (exit 1): "failed to parse/execute template: …" for ps/images/history ('phase'), and
// "template parsing error: …" for both phases in volume ls, network ls, stats and system df
// ('parsing', observed on CLI 28.2.2).
import { CliError, type CommandContext } from '../cli/command.js';
import { prepareFormat, renderRows, type FormatSpec, type PreparedFormat } from '../format/render.js';
import { TemplateFailure } from '../format/template-bridge.js';

/** Parses the format before any work is done (as docker/cli validates it before calling the API). */
export type TemplateErrorStyle = 'phase' | 'parsing';

function templateError(e: TemplateFailure, phase: 'parse' | 'execute', style: TemplateErrorStyle): CliError {
  return new CliError(e.dockerMessage(style === 'parsing' ? 'inspect' : phase), 1);
}

export function prepareListFormat(spec: FormatSpec, style: TemplateErrorStyle = 'phase'): PreparedFormat {
  try {
    return prepareFormat(spec);
  } catch (e) {
    if (e instanceof TemplateFailure) throw templateError(e, 'parse', style);
    throw e;
  }
}

export function writeList(ctx: CommandContext, prepared: PreparedFormat, spec: FormatSpec, rows: object[], style: TemplateErrorStyle = 'phase'): void {
  let text: string;
  try {
    text = renderRows(prepared, spec, rows);
  } catch (e) {
    if (e instanceof TemplateFailure) throw templateError(e, 'execute', style);
    throw e;
  }
  ctx.out(text);
}
