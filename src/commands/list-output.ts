// The one place list commands turn a --format into output: Docker's template errors become the
// CLI's "failed to parse/execute template" messages (exit 1).
import { CliError, type CommandContext } from '../cli/command.js';
import { prepareFormat, renderRows, type FormatSpec, type PreparedFormat } from '../format/render.js';
import { TemplateFailure } from '../format/template-bridge.js';

/** Parses the format before any work is done (as docker/cli validates it before calling the API). */
export function prepareListFormat(spec: FormatSpec): PreparedFormat {
  try {
    return prepareFormat(spec);
  } catch (e) {
    if (e instanceof TemplateFailure) throw new CliError(e.dockerMessage('parse'), 1);
    throw e;
  }
}

export function writeList(ctx: CommandContext, prepared: PreparedFormat, spec: FormatSpec, rows: object[]): void {
  let text: string;
  try {
    text = renderRows(prepared, spec, rows);
  } catch (e) {
    if (e instanceof TemplateFailure) throw new CliError(e.dockerMessage('execute'), 1);
    throw e;
  }
  ctx.out(text);
}
