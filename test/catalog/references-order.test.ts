// The order in which the daemon lists an image's references, and when `rmi <ID>` may drop them
// all (both observed on Engine 28.5.2; fixtures forms/image, images/refs, images/by-id).
import { describe, expect, it } from 'vitest';
import { createDocker } from '../../src/index.js';
import { sortedReferences } from '../../src/engine/images/reference.js';

describe('image references', () => {
  it('are listed by their fully qualified text, whatever order they were tagged in', () => {
    expect(sortedReferences(['zzz/last:1', 'localhost:5000/x:y', 'busybox:latest', 'AAA/first:x', 'mmm:b', 'busybox:copy', 'mmm:a']))
      .toEqual(['AAA/first:x', 'busybox:copy', 'busybox:latest', 'mmm:a', 'mmm:b', 'zzz/last:1', 'localhost:5000/x:y']);
    const docker = createDocker({ seed: 1 });
    docker.run(['pull', 'busybox']);
    for (const t of ['zzz/last:1', 'busybox:copy', 'AAA/first:x']) expect(docker.run(['tag', 'busybox', t]).exitCode).toBe(0);
    expect(docker.run(['image', 'inspect', '-f', '{{.RepoTags}}', 'busybox']).stdout).toBe('[AAA/first:x busybox:copy busybox:latest zzz/last:1]\n');
    expect(docker.run(['images', '--format', '{{.Repository}}:{{.Tag}}']).stdout).toBe('AAA/first:x\nbusybox:copy\nbusybox:latest\nzzz/last:1\n');
  });

  it('rmi by ID refuses an image with two tags (even of one repository) before naming a stopped container', () => {
    const docker = createDocker({ seed: 1 });
    docker.run(['pull', 'busybox']);
    const id = docker.run(['images', '-q', 'busybox']).stdout.trim();
    docker.run(['run', 'busybox', 'true']);
    expect(docker.run(['rmi', id]).stderr).toBe(`Error response from daemon: conflict: unable to delete ${id} (must be forced) - image is being used by stopped container ${docker.run(['ps', '-aq']).stdout.trim()}\n`);
    docker.run(['tag', 'busybox', 'busybox:two']);
    const r = docker.run(['rmi', id]);
    expect(r.stderr).toBe(`Error response from daemon: conflict: unable to delete ${id} (must be forced) - image is referenced in multiple repositories\n`);
    expect(r.exitCode).toBe(1);
  });
});
