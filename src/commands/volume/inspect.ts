// docker volume inspect: the daemon's JSON (see format/inspect/volume.ts), or a template. Unlike
// `docker inspect`, the CLI has no raw JSON to fall back on here: a template runs on the typed
// volume.Volume only, so a missing field is "can't evaluate field … in type volume.Volume".
import { CliError, type CommandDef, flagString } from '../../cli/command.js';
import { INSPECT_FUNCS, lookupErrorText, runInspect } from '../../format/inspect/inspector.js';
import { decode } from '../../format/inspect/gotypes.js';
import { inspectVolume } from '../../format/inspect/lookup.js';
import { parseTemplate, TemplateExecError, TemplateParseError, type Template } from '../../format/template/index.js';

export const volumeInspectCommand: CommandDef = {
  invocations: ['volume inspect'],
  args: { kind: 'min', n: 1 },
  run(ctx, names) {
    const format = flagString(ctx, 'format') ?? '';
    if (format === '' || format === 'json') return runInspect(ctx, names, format, (name) => inspectVolume(ctx.d, name));
    let tmpl: Template;
    try {
      tmpl = parseTemplate(format, INSPECT_FUNCS);
    } catch (e) {
      if (e instanceof TemplateParseError) throw new CliError(`template parsing error: ${e.message}`, 64);
      throw e;
    }
    const errors: string[] = [];
    let buffer = '';
    for (const name of names) {
      try {
        const item = inspectVolume(ctx.d, name);
        buffer += `${tmpl.execute(decode(JSON.parse(item.raw), item.type))}\n`;
      } catch (e) {
        if (e instanceof TemplateExecError) { errors.push(`template parsing error: ${e.message}`); continue; }
        const text = lookupErrorText(e);
        if (text === undefined) throw e;
        errors.push(text);
      }
    }
    ctx.out(buffer === '' ? '\n' : buffer);
    if (errors.length) throw new CliError(errors.join('\n'), 1);
  },
};
