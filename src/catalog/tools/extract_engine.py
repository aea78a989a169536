#!/usr/bin/env python3
"""Regenerates the catalogue data of the images served by the real engine.

Not part of the bundle: a maintenance tool, run by hand on the machine that has the
real Docker engine with the standard image set (see shared/engine/README.md).

    python3 src/catalog/tools/extract_engine.py --registry http://HOST:PORT

--registry is the engine's Docker Hub mirror (the local registry); it is asked for the
manifests (compressed layer digests and sizes), nothing is written to it. Its address is
deliberately not recorded anywhere in the repository.

It reads (read-only engine commands): `docker image inspect`, `docker save` (image config
with full history, and the uncompressed layer tars for the file trees) and writes
  src/catalog/data/engine-images.ts   CatalogImage records (inspect + config + manifest)
  src/catalog/data/engine-trees.ts    packed file trees (format: src/catalog/packed.ts)

File-tree pruning (keeps the data small; what is dropped is listed in PRUNED_ROOTS):
under each pruned root only the first KEEP children (sorted by name) are kept, and for
those that are directories, their first KEEP children again; anything deeper is dropped.
KEEP_ALWAYS paths (and their parents) survive pruning.
"""
import argparse
import collections
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import urllib.request

IMAGES = [
    # (reference, repository, tags, tree prefix)
    ('busybox:latest', 'busybox', ['latest'], 'busybox'),
    ('hello-world:latest', 'hello-world', ['latest'], 'hello-world'),
    ('debian:bookworm', 'debian', ['bookworm', 'latest'], 'debian-bookworm'),
    ('nginx:latest', 'nginx', ['latest'], 'nginx'),
    ('redis:latest', 'redis', ['latest'], 'redis'),
]
PARENTS = {'nginx': 'debian:bookworm', 'redis': 'debian:bookworm'}

PRUNED_ROOTS = [
    '/usr/share/doc', '/usr/share/man', '/usr/share/locale', '/usr/share/i18n', '/usr/share/info',
    '/usr/share/lintian', '/usr/share/zoneinfo', '/usr/share/perl5', '/usr/share/bash-completion/completions',
    '/usr/share/maven-repo', '/usr/share/vim', '/usr/share/zsh',
    '/usr/lib/x86_64-linux-gnu/perl-base', '/usr/lib/x86_64-linux-gnu/gconv',
    '/var/lib/dpkg/info', '/var/lib/apt/lists', '/var/cache/apt/archives', '/var/cache/debconf',
]
KEEP = 3
KEEP_ALWAYS = {
    '/usr/share/zoneinfo/Etc/UTC', '/usr/share/zoneinfo/UTC', '/usr/share/zoneinfo/Etc/GMT',
    '/usr/share/zoneinfo/Europe/London', '/usr/share/zoneinfo/Europe/Paris', '/usr/share/zoneinfo/Europe/Berlin',
    '/usr/share/zoneinfo/America/New_York', '/usr/share/zoneinfo/America/Los_Angeles',
    '/usr/share/zoneinfo/Asia/Tokyo', '/usr/share/zoneinfo/Asia/Kolkata',
    '/usr/share/doc/nginx', '/usr/share/doc/redis-server', '/usr/share/doc/bash',
}

# Text files whose content is kept (besides the size): anything under these prefixes up to
# the size limit, when it is valid UTF-8 without NUL bytes.
CONTENT_PREFIXES = [
    ('/etc/nginx/', 16384), ('/etc/', 4096), ('/root/', 4096), ('/usr/local/bin/', 8192),
    ('/docker-entrypoint', 8192), ('/usr/share/nginx/html/', 8192), ('/var/www/html/', 8192),
    ('/usr/lib/os-release', 4096), ('/usr/sbin/policy-rc.d', 4096), ('/etc/skel/', 8192),
    ('/usr/share/base-files/', 4096), ('/etc/redis/', 0),
]
CONTENT_EXCLUDE = {'/etc/ld.so.cache'}
# The repository must not name package mirrors or registries: files whose text mentions one
# (apt sources, for instance) keep their size but not their content.
import re
MIRROR_HOST = re.compile(r'deb\.debian\.org|security\.debian\.org|archive\.ubuntu\.com|dl-cdn\.alpinelinux\.org|:5000\b')

OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data')


def run(*args):
    return subprocess.run(args, check=True, capture_output=True).stdout


def registry_manifest(base, repo, tag):
    req = urllib.request.Request(f'{base}/v2/library/{repo}/manifests/{tag}', headers={
        'Accept': 'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json'})
    with urllib.request.urlopen(req) as r:
        return r.headers['Docker-Content-Digest'], json.loads(r.read())


def inspect_config(cfg):
    """The Config object as `docker image inspect` prints it (API 1.51): keys in alphabetical
    order; Cmd/Entrypoint/Env/Labels/OnBuild/User/Volumes/WorkingDir always present (null or
    ""), the others (ArgsEscaped, ExposedPorts, Healthcheck, Shell, StopSignal) only when set."""
    always = {'Cmd': None, 'Entrypoint': None, 'Env': None, 'Labels': None, 'OnBuild': None,
              'User': '', 'Volumes': None, 'WorkingDir': ''}
    out = {}
    for k in sorted(set(cfg) | set(always)):
        v = cfg.get(k)
        if k in always:
            out[k] = always[k] if v in (None, '', [], {}) else v
        elif v not in (None, '', [], {}, False):
            out[k] = v
    return out


class Entry:
    __slots__ = ('path', 'kind', 'mode', 'uid', 'gid', 'size', 'mtime', 'target', 'content')

    def __init__(self, **kw):
        self.content = None
        self.target = None
        self.size = 0
        for k, v in kw.items():
            setattr(self, k, v)


def norm(name):
    name = name[2:] if name.startswith('./') else name
    name = name.rstrip('/')
    return '/' + name if name not in ('', '.') else '/'


def read_layer(path):
    entries = []
    with tarfile.open(path) as t:
        members = t.getmembers()
        by_name = {norm(m.name): m for m in members}
        for m in members:
            p = norm(m.name)
            if p == '/':
                continue  # the root directory of the layer
            base = p.rsplit('/', 1)[1]
            if base == '.wh..wh..opq':
                continue  # opaque-directory marker: the directory is new in this layer
            if base.startswith('.wh.'):
                entries.append(Entry(path=p.rsplit('/', 1)[0] + '/' + base[4:], kind='w', mode=0, uid=0, gid=0, mtime=0))
                continue
            mode = m.mode & 0o7777
            if m.isdir():
                entries.append(Entry(path=p, kind='d', mode=mode, uid=m.uid, gid=m.gid, mtime=m.mtime))
            elif m.issym():
                entries.append(Entry(path=p, kind='l', mode=mode, uid=m.uid, gid=m.gid, mtime=m.mtime, target=m.linkname))
            elif m.islnk() or m.isfile():
                src = by_name[norm(m.linkname)] if m.islnk() else m
                e = Entry(path=p, kind='f', mode=mode, uid=m.uid, gid=m.gid, mtime=m.mtime, size=src.size)
                if wants_content(p, src.size):
                    data = t.extractfile(src).read()
                    if b'\0' not in data:
                        try:
                            text = data.decode('utf-8')
                            if not MIRROR_HOST.search(text):
                                e.content = text
                        except UnicodeDecodeError:
                            pass
                entries.append(e)
            else:
                # character/block devices and fifos: none in these images; kept as empty files
                entries.append(Entry(path=p, kind='f', mode=mode, uid=m.uid, gid=m.gid, mtime=m.mtime, size=0))
    return entries


def wants_content(p, size):
    if p in CONTENT_EXCLUDE:
        return False
    for prefix, limit in CONTENT_PREFIXES:
        if p.startswith(prefix):
            return size <= limit
    return False


def prune(entries):
    children = collections.defaultdict(list)
    for e in entries:
        parent = e.path.rsplit('/', 1)[0] or '/'
        children[parent].append(e.path.rsplit('/', 1)[1])
    keep_always = set()
    for k in KEEP_ALWAYS:
        parts = k.split('/')
        for i in range(2, len(parts) + 1):
            keep_always.add('/'.join(parts[:i]))

    def allowed(p):
        for root in PRUNED_ROOTS:
            if p.startswith(root + '/'):
                if p in keep_always or any(p.startswith(k + '/') for k in KEEP_ALWAYS):
                    return True
                rel = p[len(root) + 1:].split('/')
                if len(rel) > 2:
                    return False
                cur = root
                for part in rel:
                    if part not in sorted(children[cur])[:KEEP]:
                        return False
                    cur = cur + '/' + part
                return True
        return True
    return [e for e in entries if allowed(e.path)]


def b36(n):
    digits = '0123456789abcdefghijklmnopqrstuvwxyz'
    if n == 0:
        return '0'
    s = ''
    while n:
        n, r = divmod(n, 36)
        s = digits[r] + s
    return s


DEFAULT_MODE = {'d': 0o755, 'f': 0o644, 'l': 0o777, 'w': 0}


def pack(entries):
    """Packed text: one line per entry, sorted by path, front-coded against the previous path.
    See src/catalog/packed.ts for the grammar."""
    entries = sorted(entries, key=lambda e: e.path)
    mt = collections.Counter(e.mtime for e in entries if e.kind != 'w').most_common(1)
    default_mtime = mt[0][0] if mt else 0
    fm = collections.Counter(e.mode for e in entries if e.kind == 'f').most_common(1)
    file_mode = fm[0][0] if fm else 0o644
    defaults = dict(DEFAULT_MODE, f=file_mode)
    lines = []
    contents = {}
    prev = ''
    for e in entries:
        common = 0
        for a, b in zip(prev, e.path):
            if a != b:
                break
            common += 1
        suffix = e.path[common:]
        assert '\t' not in suffix and '\n' not in suffix, e.path
        attrs = []
        if e.kind != 'w':
            if e.mode != defaults[e.kind]:
                attrs.append('m' + oct(e.mode)[2:])
            if e.uid:
                attrs.append('u' + str(e.uid))
            if e.gid:
                attrs.append('g' + str(e.gid))
            if e.kind == 'f' and e.size:
                attrs.append('s' + str(e.size))
            if e.mtime != default_mtime:
                attrs.append('t' + b36(e.mtime))
            if e.content is not None:
                attrs.append('c')
                contents[e.path] = e.content
            if e.kind == 'l':
                assert ' ' not in e.target and '\t' not in e.target
                attrs.append('>' + e.target)
        line = f'{e.kind}{common}\t{suffix}'
        if attrs:
            line += '\t' + ' '.join(attrs)
        lines.append(line)
        prev = e.path
    return default_mtime, file_mode, '\n'.join(lines), contents


def ts_string(s):
    # A template literal would need escaping of ` ${ and \ — JSON strings are simpler and exact.
    return json.dumps(s, ensure_ascii=False)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--registry', required=True, help="the engine's Hub mirror, http://HOST:PORT")
    args = ap.parse_args()

    images = []
    trees = {}
    seen_layers = {}
    with tempfile.TemporaryDirectory() as tmp:
        for ref, repo, tags, prefix in IMAGES:
            ins = json.loads(run('docker', 'image', 'inspect', ref))[0]
            d = os.path.join(tmp, repo)
            os.makedirs(d)
            with tarfile.open(fileobj=io.BytesIO(run('docker', 'save', ref))) as t:
                t.extractall(d)
            man = json.load(open(os.path.join(d, 'manifest.json')))[0]
            cfg = json.load(open(os.path.join(d, man['Config'])))
            digest, regman = registry_manifest(args.registry, repo, tags[0])
            assert regman['config']['digest'] == ins['Id'], (repo, 'registry and engine differ')
            diff_ids = ins['RootFS']['Layers']
            sizes = [h for h in cfg['history'] if not h.get('empty_layer')]
            assert len(sizes) == len(diff_ids) == len(regman['layers'])
            hist_sizes = [json.loads(l) for l in run('docker', 'history', '--no-trunc', '--human=false',
                                                       '--format', '{{json .}}', ref).decode().splitlines()]
            layer_sizes = [int(h['Size']) for h in reversed(hist_sizes)]
            nonempty = [i for i, h in enumerate(cfg['history']) if not h.get('empty_layer')]
            layers = []
            for n, (diff_id, blob) in enumerate(zip(diff_ids, regman['layers'])):
                if diff_id in seen_layers:
                    tree = seen_layers[diff_id]
                else:
                    tree = prefix if len(diff_ids) == 1 else f'{prefix}/{n}'
                    if repo in PARENTS and n == 0:
                        raise SystemExit(f'{repo}: base layer not seen in its parent')
                    entries = prune(read_layer(os.path.join(d, 'blobs', 'sha256', diff_id.split(':')[1])))
                    trees[tree] = pack(entries)
                    seen_layers[diff_id] = tree
                layers.append({'digest': blob['digest'], 'diffId': diff_id,
                               'size': layer_sizes[nonempty[n]], 'compressedSize': blob['size'], 'tree': tree})
            history = []
            for h in cfg['history']:
                e = {'created': h['created'], 'createdBy': h.get('created_by', '')}
                if 'comment' in h:
                    e['comment'] = h['comment']
                if h.get('empty_layer'):
                    e['emptyLayer'] = True
                history.append(e)
            img = {
                'repository': repo, 'tags': tags, 'id': ins['Id'], 'digest': digest,
                'created': ins['Created'], 'architecture': ins['Architecture'], 'os': ins['Os'],
                'size': ins['Size'], 'config': inspect_config(cfg['config']),
                'layers': layers, 'history': history,
                'dockerVersion': ins.get('DockerVersion', ''), 'author': ins.get('Author', ''),
                'comment': ins.get('Comment', ''), 'source': 'engine',
                'configSize': regman['config']['size'],
            }
            if repo in PARENTS:
                img['parentImage'] = PARENTS[repo]
            assert img['config'] == ins['Config'], (repo, img['config'], ins['Config'])
            images.append(img)

    with open(os.path.join(OUT_DIR, 'engine-images.ts'), 'w') as f:
        f.write('// GENERATED by src/catalog/tools/extract_engine.py from the real engine (docker image inspect,\n'
                '// docker save, the registry manifests). Do not edit by hand: re-run the tool.\n'
                "import type { CatalogImage } from '../types.js';\n\n"
                'export const ENGINE_IMAGES: CatalogImage[] = ')
        f.write(json.dumps(images, indent=2, ensure_ascii=False))
        f.write(';\n')
    with open(os.path.join(OUT_DIR, 'engine-trees.ts'), 'w') as f:
        f.write('// GENERATED by src/catalog/tools/extract_engine.py from the layer tars of `docker save`.\n'
                '// Packed file trees; decoded lazily (format: src/catalog/packed.ts). Do not edit by hand.\n'
                "import type { PackedTree } from '../packed.js';\n\n"
                'export const ENGINE_TREES: Record<string, PackedTree> = {\n')
        for name, (mtime, file_mode, text, contents) in trees.items():
            f.write(f'  {ts_string(name)}: {{\n    mtime: {mtime},\n    fileMode: 0o{file_mode:o},\n    entries: {ts_string(text)},\n    contents: {{\n')
            for path, content in contents.items():
                f.write(f'      {ts_string(path)}: {ts_string(content)},\n')
            f.write('    },\n  },\n')
        f.write('};\n')
    for name, (mtime, file_mode, text, contents) in trees.items():
        print(f'{name}: {text.count(chr(10)) + 1} entries, {len(text)} chars, {len(contents)} contents '
              f'({sum(len(c) for c in contents.values())} chars)', file=sys.stderr)


if __name__ == '__main__':
    main()
