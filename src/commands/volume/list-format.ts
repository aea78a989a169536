// Shared list output for `volume ls` / `network ls`: -q, --format (table, json, templates) and
// Docker's parse/execute error texts.
import { CliError, type CommandContext } from '../../cli/command.js';
import { prepareFormat, renderRows, type FormatSpec, type PreparedFormat } from '../../format/render.js';
import { TemplateFailure } from '../../format/template-bridge.js';

export function prepareListFormat(spec: FormatSpec): PreparedFormat {
  try {
    return prepareFormat(spec);
  } catch (e) {
    if (e instanceof TemplateFailure) throw new CliError(e.dockerMessage('parse'), 1);
    throw e;
  }
}

export function printRows(ctx: CommandContext, prepared: PreparedFormat, spec: FormatSpec, rows: object[]): void {
  try {
    ctx.out(renderRows(prepared, spec, rows));
  } catch (e) {
    if (e instanceof TemplateFailure) throw new CliError(e.dockerMessage('execute'), 1);
    throw e;
  }
}
