import { CliError, type CommandDef } from '../../cli/command.js';
import { DaemonError } from '../../engine/errors.js';
import { conflictMessage } from '../../engine/containers/create.js';
import { VALID_NAME } from '../../engine/names.js';

export const renameCommand: CommandDef = {
  invocations: ['rename', 'container rename'],
  args: { kind: 'exact', n: 2 },
  run(ctx, [ref, newName]) {
    const fail = (msg: string) => new CliError(`Error response from daemon: ${msg}\nError: failed to rename container named ${ref}`, 1);
    if (newName.trim() === '') throw new CliError('Error: new name cannot be blank', 1);
    let c;
    try {
      c = ctx.d.getContainer(ref);
    } catch (e) {
      if (e instanceof DaemonError) throw fail(e.message);
      throw e;
    }
    const name = newName.startsWith('/') ? newName.slice(1) : newName;
    if (name === c.name) throw fail('Renaming a container with the same name as its current name');
    if (!VALID_NAME.test(name)) throw fail(`Error when allocating new name: Invalid container name (/${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    const holder = ctx.d.containerList().find((o) => o.name === name);
    if (holder) throw fail(`Error when allocating new name: ${conflictMessage(name, holder.id)}`);
    const old = c.name;
    c.name = name;
    ctx.d.event('container', 'rename', c.id, { name, oldName: `/${old}` });
  },
};
