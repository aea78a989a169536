// docker rmi / docker image rm: untag, and delete the image when its last reference goes.
import { CliError, type CommandDef, flagBool } from '../../cli/command.js';
import { DaemonError, noSuchImage } from '../../engine/errors.js';
import { findImage, normalizedRefForError, containersUsing } from '../../engine/images/resolve.js';
import { familiarName, familiarString, parseReference, ReferenceError, withDefaultTag } from '../../engine/images/reference.js';
import type { Daemon } from '../../engine/daemon.js';
import type { ImageRecord } from '../../engine/state.js';
import { hasChildren } from '../../engine/images/list.js';
import { freedLayers } from '../../engine/images/layers.js';

function deleteImage(d: Daemon, img: ImageRecord, lines: string[], keepLayers = false): void {
  lines.push(`Deleted: ${img.id}`);
  if (keepLayers) img.deleted = true; // its stopped containers can still start
  else delete d.state.images[img.id];
  // A container's writable layer still sits on them: they stay until it goes.
  if (keepLayers) return;
  // Layers no other image and no build cache record still uses are deleted too, top first.
  for (const layer of freedLayers(d, img)) lines.push(`Deleted: ${layer.chain}`);
  d.event('image', 'delete', img.id, { name: img.id });
}

function removeImage(d: Daemon, ref: string, force: boolean, lines: string[]): void {
  if (!/^(sha256:)?[a-f0-9]+$/.test(ref)) {
    try {
      parseReference(ref);
    } catch (e) {
      if (e instanceof ReferenceError) throw new DaemonError(e.message, 'invalid');
      throw e;
    }
  }
  const img = findImage(d, ref);
  if (!img) throw noSuchImage(normalizedRefForError(ref));
  const short = img.id.slice(7, 19);
  const byId = /^(sha256:)?[a-f0-9]+$/.test(ref) && img.id.slice(7).startsWith(ref.replace(/^sha256:/, '')) && !img.repoTags.includes(normalizedRefForError(ref));
  const users = containersUsing(d, img.id);
  const running = users.find((c) => c.state.Running);
  if (!byId) {
    const parsed = withDefaultTag(parseReference(ref));
    const tag = parsed.digest ? `${familiarName(parsed)}@${parsed.digest}` : familiarString(parsed);
    const refs = img.repoTags.length + img.repoDigests.filter((r) => !img.repoTags.some((t) => t.startsWith(`${r.split('@')[0]}:`))).length;
    if (users.length && !force && refs <= 1) {
      throw new DaemonError(`conflict: unable to remove repository reference "${ref}" (must force) - container ${users[0].id.slice(0, 12)} is using its referenced image ${short}`, 'conflict');
    }
    // Untag this reference (and its digest reference when it was the repo's last tag).
    img.repoTags = img.repoTags.filter((t) => t !== tag);
    lines.push(`Untagged: ${tag}`);
    const repo = familiarName(parsed);
    if (!img.repoTags.some((t) => t.startsWith(`${repo}:`))) {
      for (const dref of img.repoDigests.filter((r) => r.startsWith(`${repo}@`))) {
        lines.push(`Untagged: ${dref}`);
      }
      img.repoDigests = img.repoDigests.filter((r) => !r.startsWith(`${repo}@`));
    }
    d.event('image', 'untag', img.id, { name: img.id });
    const unused = users.length === 0 || (force && !running);
    if (img.repoTags.length === 0 && img.repoDigests.length === 0 && unused && !hasChildren(d, img)) deleteImage(d, img, lines, users.length > 0);
    return;
  }
  if (running) {
    throw new DaemonError(`conflict: unable to delete ${short} (cannot be forced) - image is being used by running container ${running.id.slice(0, 12)}`, 'conflict');
  }
  if (hasChildren(d, img)) {
    throw new DaemonError(`conflict: unable to delete ${short} (cannot be forced) - image has dependent child images`, 'conflict');
  }
  if (!force && img.repoTags.length + img.repoDigests.length > 1 && !isSingleReference(img.repoTags, img.repoDigests)) {
    throw new DaemonError(`conflict: unable to delete ${short} (must be forced) - image is referenced in multiple repositories`, 'conflict');
  }
  if (users.length && !force) {
    throw new DaemonError(`conflict: unable to delete ${short} (must be forced) - image is being used by stopped container ${users[0].id.slice(0, 12)}`, 'conflict');
  }
  for (const t of img.repoTags) lines.push(`Untagged: ${t}`);
  for (const r of img.repoDigests) lines.push(`Untagged: ${r}`);
  img.repoTags = [];
  img.repoDigests = [];
  deleteImage(d, img, lines, users.length > 0);
}

/**
 * Whether removing an image by ID may drop all its references without force, as dockerd decides:
 * at most one tag, and the digests (if any) all of that tag's repository. Two tags, even of one
 * repository, are "referenced in multiple repositories" (observed on Engine 28.5.2).
 */
function isSingleReference(tags: string[], digests: string[]): boolean {
  if (tags.length > 1) return false;
  const repoOf = (ref: string, sep: string) => ref.slice(0, ref.lastIndexOf(sep));
  const digestRepos = new Set(digests.map((r) => repoOf(r, '@')));
  const single = tags.length ? repoOf(tags[0], ':') : repoOf(digests[0], '@');
  return digestRepos.size === 1 && digestRepos.has(single);
}

export const rmiCommand: CommandDef = {
  invocations: ['rmi', 'image rm', 'image remove'],
  args: { kind: 'min', n: 1 },
  run(ctx, refs) {
    const force = flagBool(ctx, 'force');
    const errors: string[] = [];
    for (const ref of refs) {
      const lines: string[] = [];
      try {
        removeImage(ctx.d, ref, force, lines);
        for (const l of lines) ctx.out(`${l}\n`);
      } catch (e) {
        if (!(e instanceof DaemonError)) throw e;
        // rmi -f: a missing image is reported but does not fail the command.
        if (force && e.status === 'not-found') { ctx.err(`Error response from daemon: ${e.message}\n`); continue; }
        errors.push(`Error response from daemon: ${e.message}`);
      }
    }
    if (errors.length) throw new CliError(errors.join('\n'), 1);
  },
};
