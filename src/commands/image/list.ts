// docker images / docker image ls
import { type CommandDef, flagBool, flagList, flagString } from '../../cli/command.js';
import { IMAGE_HEADERS, IMAGES_DEFAULT_TABLE, IMAGES_DIGEST_TABLE, imageContext, imageRows } from '../../format/image.js';
import type { FormatSpec } from '../../format/render.js';
import { prepareListFormat, writeList } from '../list-output.js';
import { parseFilters } from '../../engine/filters.js';
import { listImages } from '../../engine/images/list.js';
import type { ImageRecord } from '../../engine/state.js';

export const imagesCommand: CommandDef = {
  invocations: ['images', 'image ls', 'image list'],
  args: { kind: 'max', n: 1 },
  readOnly: true,
  run(ctx, args) {
    const quiet = flagBool(ctx, 'quiet');
    const noTrunc = flagBool(ctx, 'no-trunc');
    const digests = flagBool(ctx, 'digests');
    let format = flagString(ctx, 'format') ?? '';
    if (quiet) format = '{{.ID}}';
    let table = format === '' || format === 'table' ? (digests ? IMAGES_DIGEST_TABLE : IMAGES_DEFAULT_TABLE) : format;
    if (digests && table.startsWith('table') && format !== '' && format !== 'table' && !table.includes('{{.Digest}}')) table += '\t{{.Digest}}';
    const spec: FormatSpec = { format: table, defaultTable: IMAGES_DEFAULT_TABLE, headers: IMAGE_HEADERS, typeName: '*formatter.ImageContext' };
    const prepared = prepareListFormat(spec);
    const filters = parseFilters(flagList(ctx, 'filter'));
    if (args[0] !== undefined) filters.set('reference', [...(filters.get('reference') ?? []), args[0]]);
    const images = listImages(ctx.d, { all: flagBool(ctx, 'all'), filters });
    const now = ctx.d.now();
    const refs = filters.get('reference') ?? [];
    // With a reference filter the daemon also drops the digests it does not match: `images
    // busybox:latest` shows DIGEST <none> (observed on Engine 28.5.2).
    const reported = (img: ImageRecord) => (refs.length === 0 ? img.repoDigests : img.repoDigests.filter((d) => refs.some((p) => matchesDigestRef(d, p))));
    const rows = images.flatMap((img) => imageRows(img, reported(img))).filter((r) => refs.length === 0 || refs.some((p) => matchesReferenceRow(r.repository, r.tag, p)));
    // Digests are only looked up with --digests or a template that names .Digest.
    const showDigests = digests || (format !== 'json' && /\.Digest\b/.test(table) && !/json\s+\./.test(table));
    const contexts = rows.map((r) => imageContext(r, { trunc: !noTrunc, nowMs: now, digests: showDigests }));
    writeList(ctx, prepared, spec, contexts);
    if (rows.length === 0 && args[0] !== undefined && ['ls', 'list', 'rm', 'inspect', 'history', 'prune', 'pull', 'push', 'tag', 'build', 'save', 'load', 'import'].includes(args[0]) && ctx.path === 'images') {
      ctx.err(`\nNo images found matching "${args[0]}": did you mean "docker image ${args[0]}"?\n`);
    }
  },
};

function matchesReferenceRow(repo: string, tag: string, pattern: string): boolean {
  const [pRepo, pTag] = splitPattern(pattern);
  return globMatch(pRepo, repo) && (pTag === undefined || globMatch(pTag, tag));
}

/** A digest reference (repo@sha256:…) against a pattern, by its whole text or its name. */
function matchesDigestRef(ref: string, pattern: string): boolean {
  return globMatch(pattern, ref) || globMatch(pattern, ref.slice(0, ref.indexOf('@')));
}

function splitPattern(p: string): [string, string | undefined] {
  const slash = p.lastIndexOf('/');
  const colon = p.lastIndexOf(':');
  return colon > slash ? [p.slice(0, colon), p.slice(colon + 1)] : [p, undefined];
}

export function globMatch(pattern: string, s: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
  return re.test(s);
}
