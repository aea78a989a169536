// File trees of the images modelled on Docker Hub. Plausible, not recorded: the layout and the
// files a learner looks at (os-release, passwd, group, entrypoints, config files, binaries by
// size) modelled on the official images; sizes of binaries are approximate. Debian- and
// Ubuntu-based trees derive from the real debian:bookworm tree recorded from the engine.
// Files whose real text names a package mirror (apk repositories, apt sources) have a size only.

import type { LayerData } from '../../engine/fs/types.js';
import { derive, epochSeconds, layer } from '../hub/build.js';
import type { TreeBuilder } from '../trees.js';

// ---------------------------------------------------------------- helpers

function text(tree: LayerData, path: string): string {
  const n = tree[path];
  if (!n || n.content === undefined) throw new Error(`hub trees: ${path} has no text`);
  return n.content;
}

/** passwd/group text with extra lines inserted before the `nobody`/`nogroup` line (or at the end). */
function addLines(base: string, lines: string[], before?: RegExp): string {
  const rows = base.replace(/\n$/, '').split('\n');
  const at = before ? rows.findIndex((r) => before.test(r)) : -1;
  if (at < 0) rows.push(...lines);
  else rows.splice(at, 0, ...lines);
  return rows.join('\n') + '\n';
}

function appendLines(base: string, lines: string[]): string {
  return addLines(base, lines);
}

function fileNode(mtimeSec: number, content: string, mode = 0o644, uid = 0, gid = 0) {
  return layer(mtimeSec, `f /x @ ${mode.toString(8)} ${uid}:${gid}`, { '/x': content })['/x']!;
}

/** Files of the users/groups database, re-written by a layer that adds users. */
function userFiles(mtimeSec: number, files: { passwd: string; group: string; shadow?: string; gshadow?: string }): LayerData {
  const out: LayerData = {
    '/etc/passwd': fileNode(mtimeSec, files.passwd),
    '/etc/group': fileNode(mtimeSec, files.group),
  };
  if (files.shadow !== undefined) out['/etc/shadow'] = fileNode(mtimeSec, files.shadow, 0o640, 0, 42);
  if (files.gshadow !== undefined) out['/etc/gshadow'] = fileNode(mtimeSec, files.gshadow, 0o640, 0, 42);
  return out;
}

const DEBIAN = 'debian-bookworm';

// ---------------------------------------------------------------- alpine

const ALPINE_BIN = `arch ash base64 bbconfig cat chattr chgrp chmod chown cp date dd df dmesg dnsdomainname dumpkmap
echo egrep false fatattr fdflush fgrep fsync getopt grep gunzip gzip hostname ionice iostat ipcalc kbd_mode kill link
linux32 linux64 ln login ls lsattr lzop makemime mkdir mknod mktemp more mount mountpoint mpstat mv netstat nice pidof
ping ping6 pipe_progress printenv ps pwd reformime rev rm rmdir run-parts sed setpriv setserial sh sleep stat stty su
sync tar touch true umount uname usleep watch zcat`;
const ALPINE_SBIN = `acpid adjtimex arp blkid blockdev depmod fbsplash fdisk findfs fsck fstrim getty halt hwclock ifconfig
ifdown ifenslave ifup init inotifyd insmod ip ipaddr iplink ipneigh iproute iprule iptunnel klogd loadkmap logread
losetup lsmod mdev mkdosfs mkfs.vfat mkswap modinfo modprobe nameif nologin pivot_root poweroff raidautorun reboot rmmod
route setconsole slattach swapoff swapon switch_root sysctl syslogd tunctl udhcpc vconfig watchdog`;
const ALPINE_USR_BIN = `[ [[ awk basename bc beep blkdiscard bunzip2 bzcat bzip2 cal chvt cksum clear cmp comm cpio crontab
cryptpw cut dc deallocvt diff dirname dos2unix du eject env expand expr factor fallocate find flock fold free fuser head
hexdump hostid id install ipcrm ipcs killall last less logger lsof lsusb lzcat lzma lzopcat md5sum mesg microcom mkfifo
mkpasswd nc nl nmeter nohup nproc nsenter nslookup od openvt paste pgrep pkill pmap printf pscan pstree pwdx readlink
realpath renice reset resize seq setkeycodes setsid sha1sum sha256sum sha3sum sha512sum showkey shred shuf sort split
strings sum tac tail tee test time timeout top tr traceroute traceroute6 truncate tty ttysize udhcpc6 unexpand uniq
unix2dos unlink unlzma unlzop unshare unxz unzip uptime uudecode uuencode vi vlock volname wc wget which whoami whois
xargs xxd xzcat yes`;
const ALPINE_USR_SBIN = `add-shell addgroup adduser arping brctl chpasswd chroot crond delgroup deluser ether-wake fbset
killall5 loadfont nanddump nandwrite nbd-client ntpd partprobe rdate rdev readahead remove-shell sendmail setfont
setlogcons`;

const ALPINE_PASSWD = `root:x:0:0:root:/root:/bin/sh
bin:x:1:1:bin:/bin:/sbin/nologin
daemon:x:2:2:daemon:/sbin:/sbin/nologin
lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin
sync:x:5:0:sync:/sbin:/bin/sync
shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown
halt:x:7:0:halt:/sbin:/sbin/halt
mail:x:8:12:mail:/var/mail:/sbin/nologin
news:x:9:13:news:/usr/lib/news:/sbin/nologin
uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin
cron:x:16:16:cron:/var/spool/cron:/sbin/nologin
ftp:x:21:21::/var/lib/ftp:/sbin/nologin
sshd:x:22:22:sshd:/dev/null:/sbin/nologin
games:x:35:35:games:/usr/games:/sbin/nologin
ntp:x:123:123:NTP:/var/empty:/sbin/nologin
guest:x:405:100:guest:/dev/null:/sbin/nologin
nobody:x:65534:65534:nobody:/:/sbin/nologin
`;
const ALPINE_GROUP = `root:x:0:root
bin:x:1:root,bin,daemon
daemon:x:2:root,bin,daemon
sys:x:3:root,bin
adm:x:4:root,daemon
tty:x:5:
disk:x:6:root
lp:x:7:lp
kmem:x:9:
wheel:x:10:root
floppy:x:11:root
mail:x:12:mail
news:x:13:news
uucp:x:14:uucp
cron:x:16:cron
audio:x:18:
cdrom:x:19:
dialout:x:20:root
ftp:x:21:
sshd:x:22:
input:x:23:
tape:x:26:root
video:x:27:root
netdev:x:28:
kvm:x:34:kvm
games:x:35:
shadow:x:42:
www-data:x:82:
users:x:100:games
ntp:x:123:
abuild:x:300:
utmp:x:406:
ping:x:999:
nogroup:x:65533:
nobody:x:65534:
`;
const ALPINE_SHADOW = ALPINE_PASSWD.split('\n')
  .filter(Boolean)
  .map((l) => `${l.split(':')[0]}:${l.startsWith('root:') ? '*' : '!'}::0:::::`)
  .join('\n') + '\n';

const ALPINE_PROFILE = `export PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

export PAGER=less
umask 022

# use nicer PS1 for bash and busybox ash
if [ -n "$BASH_VERSION" -o "$BB_ASH_VERSION" ]; then
	PS1='\\h:\\w\\$ '
# use nicer PS1 for zsh
elif [ -n "$ZSH_VERSION" ]; then
	PS1='%m:%~%# '
# set up fallback default PS1
else
	: "\${HOSTNAME:=$(hostname)}"
	PS1='\${HOSTNAME%%.*}:$PWD'
	[ "$(id -u)" -eq 0 ] && PS1="\${PS1}# " || PS1="\${PS1}\\$ "
fi

for script in /etc/profile.d/*.sh ; do
	if [ -r "$script" ] ; then
		. "$script"
	fi
done
unset script
`;

const ALPINE_MOTD = `Welcome to Alpine!

The Alpine Wiki contains a large amount of how-to guides and general
information about administrating Alpine systems.
See <https://wiki.alpinelinux.org/>.

You can setup the system with the command: setup-alpine

You may change this message by editing /etc/motd.

`;

/** The alpine minirootfs of one release ('3.20.6'), busybox applets as symlinks to /bin/busybox. */
function alpineRootfs(version: string, created: string, apkVersion: string, opensslSize: number): LayerData {
  const minor = version.split('.').slice(0, 2).join('.');
  const t = epochSeconds(created) - 3600;
  const applets = (dir: string, names: string) =>
    names.split(/\s+/).filter(Boolean).map((n) => `l ${dir}/${n} /bin/busybox`).join('\n');
  const contents: Record<string, string> = {
    '/etc/alpine-release': `${version}\n`,
    '/usr/lib/os-release': `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=${version}\nPRETTY_NAME="Alpine Linux v${minor}"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n`,
    '/etc/issue': `Welcome to Alpine Linux ${minor}\nKernel \\r on an \\m (\\l)\n\n`,
    '/etc/passwd': ALPINE_PASSWD,
    '/etc/group': ALPINE_GROUP,
    '/etc/shadow': ALPINE_SHADOW,
    '/etc/shells': '# valid login shells\n/bin/sh\n/bin/ash\n',
    '/etc/motd': ALPINE_MOTD,
    '/etc/profile': ALPINE_PROFILE,
    '/etc/hosts': '127.0.0.1\tlocalhost localhost.localdomain\n::1\t\tlocalhost localhost.localdomain\n',
    '/etc/fstab': '/dev/cdrom\t/media/cdrom\tiso9660\tnoauto,ro 0 0\n/dev/usbdisk\t/media/usb\tvfat\tnoauto,ro 0 0\n',
    '/etc/nsswitch.conf': '# musl itself does not support NSS, however some third-party DNS\n# implementations use the nsswitch.conf file to determine what\n# policy to follow.\n# Editing this file is not recommended.\nhosts: files dns\n',
    '/etc/apk/arch': 'x86_64\n',
    '/etc/apk/world': 'alpine-baselayout\nalpine-keys\napk-tools\nbusybox\nca-certificates-bundle\nlibc-utils\nlibssl3\nssl_client\nzlib\n',
    '/etc/securetty': 'console\ntty1\ntty2\ntty3\ntty4\ntty5\ntty6\ntty7\ntty8\ntty9\ntty10\ntty11\n',
    '/etc/crontabs/root': '# do daily/weekly/monthly maintenance\n# min\thour\tday\tmonth\tweekday\tcommand\n*/15\t*\t*\t*\t*\trun-parts /etc/periodic/15min\n0\t*\t*\t*\t*\trun-parts /etc/periodic/hourly\n0\t2\t*\t*\t*\trun-parts /etc/periodic/daily\n0\t3\t*\t*\t6\trun-parts /etc/periodic/weekly\n0\t5\t1\t*\t*\trun-parts /etc/periodic/monthly\n\n',
    '/etc/profile.d/README': 'This directory should contain shell scripts configuring system-wide shell\nenvironment. Files with the .sh extension are sourced by /etc/profile.\n',
    '/etc/profile.d/20locale.sh': 'export CHARSET=${CHARSET:-UTF-8}\nexport LANG=${LANG:-C.UTF-8}\nexport LC_COLLATE=${LC_COLLATE:-C}\n',
  };
  return layer(
    t,
    `
d /bin
f /bin/busybox 808712 755
${applets('/bin', ALPINE_BIN)}
d /dev
d /etc
f /etc/alpine-release @
d /etc/apk
f /etc/apk/arch @
d /etc/apk/keys
f /etc/apk/keys/alpine-devel@lists.alpinelinux.org-6165ee59.rsa.pub 451
f /etc/apk/keys/alpine-devel@lists.alpinelinux.org-61666e3f.rsa.pub 451
d /etc/apk/protected_paths.d
f /etc/apk/repositories 103
f /etc/apk/world @
d /etc/busybox-paths.d
f /etc/busybox-paths.d/busybox 3297
d /etc/crontabs 755
f /etc/crontabs/root @ 600
f /etc/fstab @
f /etc/group @
f /etc/hosts @
f /etc/inittab 570
f /etc/issue @
d /etc/logrotate.d
f /etc/modprobe.d/aliases.conf 1545
f /etc/modules 15
d /etc/modules-load.d
f /etc/motd @
l /etc/mtab ../proc/mounts
d /etc/network/if-down.d
d /etc/network/if-up.d
f /etc/nsswitch.conf @
d /etc/opt
l /etc/os-release ../usr/lib/os-release
f /etc/passwd @
d /etc/periodic/15min
d /etc/periodic/daily
d /etc/periodic/hourly
d /etc/periodic/monthly
d /etc/periodic/weekly
f /etc/profile @
f /etc/profile.d/20locale.sh @
f /etc/profile.d/README @
f /etc/profile.d/color_prompt.sh.disabled 295
f /etc/protocols 3164
f /etc/securetty @
f /etc/services 12813
f /etc/shadow @ 640 0:42
f /etc/shells @
d /etc/ssl/certs
f /etc/ssl/certs/ca-certificates.crt 221059
d /etc/ssl/misc
f /etc/ssl/openssl.cnf 12324
d /etc/ssl/private 700
f /etc/sysctl.conf 53
d /etc/sysctl.d
d /etc/udhcpc
f /etc/udhcpc/udhcpc.conf 284
d /home
d /lib
d /lib/apk/db
f /lib/apk/db/installed 19624
f /lib/apk/db/lock 0 600
f /lib/apk/db/scripts.tar 1024
f /lib/apk/db/triggers 0
d /lib/apk/exec
d /lib/firmware
f /lib/ld-musl-x86_64.so.1 654632 755
l /lib/libc.musl-x86_64.so.1 ld-musl-x86_64.so.1
f /lib/libapk.so.${apkVersion} 216808 755
f /lib/libcrypto.so.3 ${opensslSize} 755
f /lib/libssl.so.3 623896 755
l /lib/libz.so.1 libz.so.1.3.1
f /lib/libz.so.1.3.1 100568 755
d /lib/mdev
d /lib/modules-load.d
d /lib/sysctl.d
f /lib/sysctl.d/00-alpine.conf 1278
d /media/cdrom
d /media/floppy
d /media/usb
d /mnt
d /opt
d /proc 555
d /root 700
d /run
d /sbin
f /sbin/apk 87472 755
f /sbin/ldconfig 393 755
${applets('/sbin', ALPINE_SBIN)}
d /srv
d /sys 555
d /tmp 1777
d /usr/bin
f /usr/bin/getconf 34696 755
f /usr/bin/getent 48032 755
f /usr/bin/iconv 21176 755
l /usr/bin/ldd /lib/ld-musl-x86_64.so.1
f /usr/bin/scanelf 79256 755
f /usr/bin/ssl_client 14256 755
${applets('/usr/bin', ALPINE_USR_BIN)}
d /usr/lib
f /usr/lib/os-release @
d /usr/lib/engines-3
d /usr/lib/ossl-modules
d /usr/local/bin
d /usr/local/lib
d /usr/local/share
d /usr/sbin
${applets('/usr/sbin', ALPINE_USR_SBIN)}
d /usr/share/apk/keys
d /usr/share/man
d /usr/share/misc
d /usr/share/udhcpc
f /usr/share/udhcpc/default.script 3850 755
d /var/cache/apk
d /var/cache/misc
d /var/empty 555
d /var/lib/misc
d /var/lib/udhcpd
d /var/local
l /var/lock ../run/lock
d /var/log
d /var/mail
d /var/opt
l /var/run ../run
d /var/spool/cron
l /var/spool/cron/crontabs ../../../etc/crontabs
l /var/spool/mail ../mail
d /var/tmp 1777
`,
    contents,
  );
}

// ---------------------------------------------------------------- debian-slim and ubuntu (derived from debian)

const SLIM_DROP = /^\/usr\/share\/(doc|man|info|locale|lintian|linda)\/./;

const UBUNTU = {
  '24.04': { point: '24.04.3', codename: 'noble', name: 'Noble Numbat', debianVersion: 'trixie/sid', user: true },
  '22.04': { point: '22.04.5', codename: 'jammy', name: 'Jammy Jellyfish', debianVersion: 'bookworm/sid', user: false },
} as const;

function ubuntuRootfs(get: (n: string) => LayerData, release: keyof typeof UBUNTU, created: string): LayerData {
  const u = UBUNTU[release];
  const deb = get(DEBIAN);
  const t = epochSeconds(created) - 7200;
  const osRelease =
    `PRETTY_NAME="Ubuntu ${u.point} LTS"\nNAME="Ubuntu"\nVERSION_ID="${release}"\nVERSION="${u.point} LTS (${u.name})"\n` +
    `VERSION_CODENAME=${u.codename}\nID=ubuntu\nID_LIKE=debian\nHOME_URL="https://www.ubuntu.com/"\n` +
    `SUPPORT_URL="https://help.ubuntu.com/"\nBUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\n` +
    `PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"\nUBUNTU_CODENAME=${u.codename}\n` +
    (release === '24.04' ? 'LOGO=ubuntu-logo\n' : '');
  let passwd = text(deb, '/etc/passwd');
  let group = text(deb, '/etc/group');
  let shadow = text(deb, '/etc/shadow');
  let gshadow = text(deb, '/etc/gshadow');
  if (u.user) {
    passwd = appendLines(passwd, ['ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash']);
    group = appendLines(group, ['ubuntu:x:1000:']);
    shadow = appendLines(shadow, ['ubuntu:!:20000:0:99999:7:::']);
    gshadow = appendLines(gshadow, ['ubuntu:!::']);
  } else {
    passwd = addLines(passwd, ['gnats:x:41:41:Gnats Bug-Reporting System (admin):/var/lib/gnats:/usr/sbin/nologin'], /^nobody:/);
    group = addLines(group, ['gnats:x:41:'], /^shadow:/);
  }
  const extra = layer(
    t,
    `
f /usr/lib/os-release @
f /etc/lsb-release @
f /etc/debian_version @
f /etc/issue @
f /etc/issue.net @
f /etc/legal @
f /etc/apt/sources.list.d/ubuntu.sources 2552
f /etc/apt/sources.list 386
d /usr/share/doc/ubuntu-keyring
d /usr/share/keyrings
f /usr/share/keyrings/ubuntu-archive-keyring.gpg 2553
f /etc/apt/trusted.gpg.d/ubuntu-keyring-2018-archive.gpg 2794
${u.user ? 'd /home/ubuntu 750 1000:1000\nf /home/ubuntu/.bashrc 3771 644 1000:1000\nf /home/ubuntu/.profile 807 644 1000:1000\nf /home/ubuntu/.bash_logout 220 644 1000:1000' : ''}
`,
    {
      '/usr/lib/os-release': osRelease,
      '/etc/lsb-release': `DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=${release}\nDISTRIB_CODENAME=${u.codename}\nDISTRIB_DESCRIPTION="Ubuntu ${u.point} LTS"\n`,
      '/etc/debian_version': `${u.debianVersion}\n`,
      '/etc/issue': `Ubuntu ${u.point} LTS \\n \\l\n\n`,
      '/etc/issue.net': `Ubuntu ${u.point} LTS\n`,
      '/etc/legal':
        '\nThe programs included with the Ubuntu system are free software;\nthe exact distribution terms for each program are described in the\nindividual files in /usr/share/doc/*/copyright.\n\nUbuntu comes with ABSOLUTELY NO WARRANTY, to the extent permitted by\napplicable law.\n\n',
    },
  );
  return derive(deb, {
    drop: (p) =>
      p.startsWith('/etc/apt/sources.list.d/debian') ||
      p.startsWith('/etc/apt/trusted.gpg.d/debian') ||
      p === '/etc/debian_version' ||
      SLIM_DROP.test(p),
    set: { ...extra, ...userFiles(t, { passwd, group, shadow, gshadow }) },
  });
}

// ---------------------------------------------------------------- shared scripts

const NODE_ENTRYPOINT = `#!/bin/sh
set -e

# Run command with node if the first argument contains a "-" or is not a system command. The last
# part inside the "{}" is a workaround for the following bug in ash/dash:
# https://bugs.debian.org/cgi-bin/bugreport.cgi?bug=874264
if [ "\${1#-}" != "\${1}" ] || [ -z "$(command -v "\${1}")" ] || { [ -f "\${1}" ] && ! [ -x "\${1}" ]; }; then
  set -- node "$@"
fi

exec "$@"
`;

const HTTPD_FOREGROUND = `#!/bin/sh
set -e

# Apache gets grumpy about PID files pre-existing
rm -f /usr/local/apache2/logs/httpd.pid

exec httpd -DFOREGROUND "$@"
`;

const PIP_WRAPPER = (py: string) => `#!/usr/local/bin/python${py}
# -*- coding: utf-8 -*-
import re
import sys
from pip._internal.cli.main import main
if __name__ == '__main__':
    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])
    sys.exit(main())
`;

// ---------------------------------------------------------------- layer trees by image

const T = {
  // the build times are only used as file mtimes; approximate
  bpd: epochSeconds('2026-11-28T02:06:30Z'),
  alpine322: '2026-11-14T18:22:41Z',
  alpine320: '2026-11-14T18:21:03Z',
  slim: '2026-11-17T00:00:00Z',
  ubuntu2404: '2026-11-10T07:14:12Z',
  ubuntu2204: '2026-11-10T07:12:55Z',
};

function pythonLayers(py: string, prefix: string, mtime: number): Record<string, TreeBuilder> {
  const [maj, min] = py.split('.');
  const nodot = `${maj}${min}`;
  return {
    [`${prefix}/deps`]: () =>
      layer(
        mtime,
        prefix.includes('slim')
          ? `
d /etc/ssl/certs
f /etc/ssl/certs/ca-certificates.crt 219316
f /etc/protocols 2932
f /etc/services 12813
f /usr/share/zoneinfo/Etc/UTC 114
d /usr/share/ca-certificates/mozilla
`
          : `
f /usr/lib/x86_64-linux-gnu/libtk8.6.so 1558456
f /usr/lib/x86_64-linux-gnu/libtcl8.6.so 1695032
f /usr/lib/x86_64-linux-gnu/libbluetooth.so.3.19.8 195520
d /usr/include/bluetooth
d /usr/include/uuid
f /usr/include/uuid/uuid.h 4126
`,
      ),
    [`${prefix}/python`]: () =>
      layer(
        mtime,
        `
f /usr/local/bin/python${py} 17536 755
l /usr/local/bin/python3 python${py}
f /usr/local/bin/python${py}-config 3093 755
l /usr/local/bin/python3-config python${py}-config
f /usr/local/bin/pip${py} @ 755
f /usr/local/bin/pip3 @ 755
f /usr/local/bin/pydoc${py} 82 755
l /usr/local/bin/pydoc3 pydoc${py}
f /usr/local/bin/idle${py} 80 755
l /usr/local/bin/idle3 idle${py}
f /usr/local/lib/libpython${py}.so.1.0 ${prefix.includes('slim') ? 25176432 : 29873296} 755
l /usr/local/lib/libpython${py}.so libpython${py}.so.1.0
l /usr/local/lib/libpython3.so libpython${py}.so.1.0
f /usr/local/lib/python${py}/os.py 41068
f /usr/local/lib/python${py}/site.py 23148
f /usr/local/lib/python${py}/LICENSE.txt 13809
d /usr/local/lib/python${py}/asyncio
d /usr/local/lib/python${py}/json
d /usr/local/lib/python${py}/lib-dynload
f /usr/local/lib/python${py}/lib-dynload/_ssl.cpython-${nodot}-x86_64-linux-gnu.so 1208136 755
d /usr/local/lib/python${py}/site-packages/pip
f /usr/local/lib/python${py}/site-packages/README.txt 119
d /usr/local/include/python${py}
f /usr/local/include/python${py}/Python.h 3201
d /usr/local/share/man/man1
`,
        { [`/usr/local/bin/pip${py}`]: PIP_WRAPPER(py), '/usr/local/bin/pip3': PIP_WRAPPER(py) },
      ),
    [`${prefix}/links`]: () =>
      layer(
        mtime,
        `
l /usr/local/bin/idle idle3
l /usr/local/bin/pip pip3
l /usr/local/bin/pydoc pydoc3
l /usr/local/bin/python python3
l /usr/local/bin/python-config python3-config
`,
      ),
  };
}

function nodeLayers(prefix: string, version: string, mtime: number, alpine: boolean): Record<string, TreeBuilder> {
  const major = Number(version.split('.')[0]);
  const nodeSize = alpine ? 98_213_616 : major >= 24 ? 121_436_296 : major >= 22 ? 117_310_520 : 96_451_312;
  const users: TreeBuilder = (get) => {
    if (alpine) {
      const base = get('hub/alpine-3.22');
      return {
        ...userFiles(mtime, {
          passwd: appendLines(text(base, '/etc/passwd'), ['node:x:1000:1000:Linux User,,,:/home/node:/bin/sh']),
          group: appendLines(text(base, '/etc/group'), ['node:x:1000:node']),
          shadow: appendLines(text(base, '/etc/shadow'), ['node:!:20000:0:99999:7:::']),
        }),
        ...layer(mtime, 'd /home/node 755 1000:1000'),
      };
    }
    const deb = get(DEBIAN);
    return {
      ...userFiles(mtime, {
        passwd: appendLines(text(deb, '/etc/passwd'), ['node:x:1000:1000::/home/node:/bin/bash']),
        group: appendLines(text(deb, '/etc/group'), ['node:x:1000:']),
        shadow: appendLines(text(deb, '/etc/shadow'), ['node:!:20000:0:99999:7:::']),
        gshadow: appendLines(text(deb, '/etc/gshadow'), ['node:!::']),
      }),
      ...layer(
        mtime,
        `
d /home/node 755 1000:1000
f /home/node/.bashrc 3526 644 1000:1000
f /home/node/.profile 807 644 1000:1000
f /home/node/.bash_logout 220 644 1000:1000
`,
      ),
    };
  };
  const nodeTree = () =>
    layer(
      mtime,
      `
f /usr/local/bin/node ${nodeSize} 755
l /usr/local/bin/npm ../lib/node_modules/npm/bin/npm-cli.js
l /usr/local/bin/npx ../lib/node_modules/npm/bin/npx-cli.js
${major < 25 ? 'l /usr/local/bin/corepack ../lib/node_modules/corepack/dist/corepack.js' : ''}
d /usr/local/include/node
f /usr/local/include/node/node.h 66394
d /usr/local/lib/node_modules/npm/bin
f /usr/local/lib/node_modules/npm/bin/npm-cli.js 54 755
f /usr/local/lib/node_modules/npm/bin/npx-cli.js 2922 755
f /usr/local/lib/node_modules/npm/package.json 6386
${major < 25 ? 'd /usr/local/lib/node_modules/corepack/dist\nf /usr/local/lib/node_modules/corepack/dist/corepack.js 80 755' : ''}
d /usr/local/share/doc/node
f /usr/local/share/man/man1/node.1 24190
${alpine ? 'f /usr/lib/libstdc++.so.6.0.33 2617120 755\nl /usr/lib/libstdc++.so.6 libstdc++.so.6.0.33\nf /usr/lib/libgcc_s.so.1 100136 755' : ''}
`,
    );
  return {
    // alpine: addgroup/adduser run in the same RUN step as the node install
    ...(alpine ? {} : { [`${prefix}/user`]: users }),
    [`${prefix}/node`]: alpine ? (get) => ({ ...users(get), ...nodeTree() }) : nodeTree,
    [`${prefix}/yarn`]: () =>
      layer(
        mtime,
        `
d /opt/yarn-v1.22.22/bin
f /opt/yarn-v1.22.22/bin/yarn 1015 755
f /opt/yarn-v1.22.22/bin/yarn.js 44 755
f /opt/yarn-v1.22.22/bin/yarnpkg 42 755
f /opt/yarn-v1.22.22/lib/cli.js 5318591
f /opt/yarn-v1.22.22/package.json 228
l /usr/local/bin/yarn /opt/yarn-v1.22.22/bin/yarn
l /usr/local/bin/yarnpkg /opt/yarn-v1.22.22/bin/yarnpkg
`,
      ),
    [`${prefix}/entrypoint`]: () =>
      layer(mtime, 'f /usr/local/bin/docker-entrypoint.sh @ 755', { '/usr/local/bin/docker-entrypoint.sh': NODE_ENTRYPOINT }),
  };
}

function postgresLayers(prefix: string, major: number, mtime: number): Record<string, TreeBuilder> {
  const bin = `/usr/lib/postgresql/${major}/bin`;
  return {
    [`${prefix}/user`]: (get) => {
      const slim = get('hub/debian-bookworm-slim');
      return {
        ...userFiles(mtime, {
          passwd: appendLines(text(slim, '/etc/passwd'), ['postgres:x:999:999::/var/lib/postgresql:/bin/bash']),
          group: appendLines(text(slim, '/etc/group'), ['postgres:x:999:']),
          shadow: appendLines(text(slim, '/etc/shadow'), ['postgres:!:20000::::::']),
          gshadow: appendLines(text(slim, '/etc/gshadow'), ['postgres:!::']),
        }),
        ...layer(mtime, 'd /var/lib/postgresql 1777 999:999'),
      };
    },
    [`${prefix}/gnupg`]: () => layer(mtime, 'f /usr/bin/gpg 1116872 755\nf /usr/bin/less 187864 755\nf /usr/bin/gpgv 293168 755'),
    [`${prefix}/gosu`]: () => layer(mtime, 'f /usr/local/bin/gosu 2289664 755'),
    [`${prefix}/locales`]: () =>
      layer(mtime, 'f /usr/lib/locale/locale-archive 3049984\nf /etc/locale.gen 9685\nf /usr/sbin/locale-gen 1591 755\nf /usr/bin/locale 57824 755'),
    [`${prefix}/tools`]: () => layer(mtime, 'f /usr/bin/xz 84888 755\nf /usr/bin/zstd 1009576 755\nf /usr/lib/x86_64-linux-gnu/libnss_wrapper.so 72328'),
    [`${prefix}/initdb.d`]: () => layer(mtime, 'd /docker-entrypoint-initdb.d'),
    [`${prefix}/key`]: () => layer(mtime, 'f /usr/local/share/keyrings/postgres.gpg.asc 4812'),
    [`${prefix}/server`]: () =>
      layer(
        mtime,
        `
d ${bin}
f ${bin}/postgres 9812392 755
f ${bin}/initdb 158880 755
f ${bin}/pg_ctl 72072 755
f ${bin}/psql 699640 755
f ${bin}/pg_dump 457464 755
f ${bin}/pg_dumpall 134008 755
f ${bin}/pg_restore 224440 755
f ${bin}/pg_isready 30216 755
f ${bin}/pg_basebackup 170840 755
f ${bin}/createdb 34440 755
f ${bin}/createuser 38536 755
f ${bin}/dropdb 30344 755
f ${bin}/vacuumdb 51016 755
l /usr/bin/psql ../share/postgresql-common/pg_wrapper
l /usr/bin/pg_dump ../share/postgresql-common/pg_wrapper
d /usr/share/postgresql-common
f /usr/share/postgresql-common/pg_wrapper 9012 755
d /usr/share/postgresql/${major}/extension
f /usr/share/postgresql/${major}/pg_hba.conf.sample 5711
f /usr/share/postgresql/${major}/pg_ident.conf.sample 2640
f /usr/share/postgresql/${major}/postgresql.conf.sample 31170
d /usr/lib/postgresql/${major}/lib
d /etc/postgresql-common
f /etc/postgresql-common/createcluster.conf 2542
`,
      ),
    [`${prefix}/conf-sample`]: () =>
      layer(
        mtime,
        `
f /usr/share/postgresql/postgresql.conf.sample 31169
f /usr/share/postgresql/postgresql.conf.sample.dpkg 31170
l /usr/share/postgresql/${major}/postgresql.conf.sample ../postgresql.conf.sample
`,
      ),
    [`${prefix}/run`]: () => layer(mtime, 'd /var/run/postgresql 3777 999:999'),
    [`${prefix}/pgdata`]: () => layer(mtime, 'd /var/lib/postgresql/data 1777 999:999'),
    [`${prefix}/scripts`]: () =>
      layer(mtime, 'f /usr/local/bin/docker-entrypoint.sh 12318 775\nf /usr/local/bin/docker-ensure-initdb.sh 1287 775'),
    [`${prefix}/enforce`]: () => layer(mtime, 'l /usr/local/bin/docker-enforce-initdb.sh docker-ensure-initdb.sh'),
  };
}

function nginxAlpineLayers(prefix: string, mtime: number): Record<string, TreeBuilder> {
  const eng = (get: (n: string) => LayerData, path: string, tree = 'nginx/1') => text(get(tree), path);
  return {
    [`${prefix}/nginx`]: (get) => {
      const base = get('hub/alpine-3.22');
      const nginxConf = eng(get, '/etc/nginx/nginx.conf').replace(/ {4}# real-docker toolkit:[\s\S]*?scgi_temp;\n\n/, '');
      return {
        ...userFiles(mtime, {
          passwd: appendLines(text(base, '/etc/passwd'), ['nginx:x:101:101:nginx:/var/cache/nginx:/sbin/nologin']),
          group: appendLines(text(base, '/etc/group'), ['nginx:x:101:nginx']),
          shadow: appendLines(text(base, '/etc/shadow'), ['nginx:!::0:::::']),
        }),
        ...layer(
          mtime,
          `
d /etc/nginx/conf.d
f /etc/nginx/conf.d/default.conf @
f /etc/nginx/fastcgi_params @
f /etc/nginx/mime.types @
l /etc/nginx/modules ../../usr/lib/nginx/modules
f /etc/nginx/nginx.conf @
f /etc/nginx/scgi_params @
f /etc/nginx/uwsgi_params @
d /usr/lib/nginx/modules
f /usr/sbin/nginx 1427016 755
f /usr/sbin/nginx-debug 1472488 755
f /usr/share/nginx/html/50x.html @
f /usr/share/nginx/html/index.html @
d /var/cache/nginx 755 101:0
d /var/log/nginx
l /var/log/nginx/access.log /dev/stdout
l /var/log/nginx/error.log /dev/stderr
f /usr/bin/envsubst 39208 755
f /usr/lib/libintl.so.8.4.1 51944 755
l /usr/lib/libintl.so.8 libintl.so.8.4.1
f /usr/lib/libpcre2-8.so.0.13.0 497648 755
`,
          {
            '/etc/nginx/conf.d/default.conf': eng(get, '/etc/nginx/conf.d/default.conf'),
            '/etc/nginx/fastcgi_params': eng(get, '/etc/nginx/fastcgi_params'),
            '/etc/nginx/mime.types': eng(get, '/etc/nginx/mime.types'),
            '/etc/nginx/nginx.conf': nginxConf,
            '/etc/nginx/scgi_params': eng(get, '/etc/nginx/scgi_params'),
            '/etc/nginx/uwsgi_params': eng(get, '/etc/nginx/uwsgi_params'),
            '/usr/share/nginx/html/50x.html': eng(get, '/usr/share/nginx/html/50x.html'),
            '/usr/share/nginx/html/index.html': eng(get, '/usr/share/nginx/html/index.html'),
          },
        ),
      };
    },
    [`${prefix}/entrypoint`]: (get) => get('nginx/2'),
    [`${prefix}/hook10`]: (get) => get('nginx/3'),
    [`${prefix}/hook15`]: (get) => get('nginx/4'),
    [`${prefix}/hook20`]: (get) => get('nginx/5'),
    [`${prefix}/hook30`]: (get) => get('nginx/6'),
    [`${prefix}/njs`]: () =>
      layer(
        mtime,
        `
f /usr/lib/nginx/modules/ngx_http_js_module.so 1912624 755
f /usr/lib/nginx/modules/ngx_stream_js_module.so 1887928 755
f /usr/lib/nginx/modules/ngx_http_xslt_filter_module.so 24504 755
f /usr/lib/nginx/modules/ngx_http_geoip_module.so 24416 755
f /usr/lib/nginx/modules/ngx_http_image_filter_module.so 28576 755
f /usr/bin/curl 255208 755
f /usr/lib/libcurl.so.4.8.0 719352 755
l /usr/lib/libcurl.so.4 libcurl.so.4.8.0
f /usr/lib/libxml2.so.2.13.8 1373352 755
f /usr/lib/libgd.so.3.0.11 428568 755
`,
      ),
  };
}

// ---------------------------------------------------------------- the registry of hub trees

/**
 * The builders of the hub-modelled images' trees, made on first use: building the table runs
 * code for every image, which a command that never opens a hub image's files should not pay for
 * at start-up.
 */
export function hubTrees(): Record<string, TreeBuilder> {
  return (builders ??= makeHubTrees());
}

let builders: Record<string, TreeBuilder> | undefined;

const makeHubTrees = (): Record<string, TreeBuilder> => ({
  'hub/empty': () => ({}),
  'hub/alpine-3.22': () => alpineRootfs('3.22.1', T.alpine322, '2.14.9', 4_765_768),
  'hub/alpine-3.20': () => alpineRootfs('3.20.6', T.alpine320, '2.14.4', 4_690_040),
  'hub/debian-bookworm-slim': (get) => derive(get(DEBIAN), { drop: (p) => SLIM_DROP.test(p) }),
  'hub/ubuntu-24.04': (get) => ubuntuRootfs(get, '24.04', T.ubuntu2404),
  'hub/ubuntu-22.04': (get) => ubuntuRootfs(get, '22.04', T.ubuntu2204),

  'hub/buildpack-deps-curl': () =>
    layer(
      T.bpd,
      `
f /usr/bin/curl 309600 755
f /usr/bin/wget 535712 755
f /usr/bin/gpg 1116872 755
f /usr/bin/sq 12408872 755
f /usr/bin/dirmngr 614856 755
d /etc/ssl/certs
f /etc/ssl/certs/ca-certificates.crt 219316
d /usr/share/ca-certificates/mozilla
f /etc/protocols 2932
f /etc/services 12813
`,
    ),
  'hub/buildpack-deps-scm': () =>
    layer(
      T.bpd,
      `
f /usr/bin/git 3943480 755
f /usr/bin/hg 1800 755
f /usr/bin/svn 318672 755
f /usr/bin/ssh 1010464 755
f /usr/bin/scp 122456 755
f /usr/bin/ps 146128 755
f /usr/bin/top 137768 755
f /usr/bin/free 27136 755
d /usr/lib/git-core
d /usr/share/git-core/templates
d /usr/lib/python3/dist-packages/mercurial
f /usr/bin/python3.11 6831704 755
l /usr/bin/python3 python3.11
`,
    ),
  'hub/buildpack-deps': () =>
    layer(
      T.bpd,
      `
f /usr/bin/gcc-12 1030744 755
l /usr/bin/gcc gcc-12
l /usr/bin/cc /etc/alternatives/cc
l /etc/alternatives/cc /usr/bin/gcc
f /usr/bin/g++-12 1034840 755
l /usr/bin/g++ g++-12
f /usr/bin/make 256688 755
f /usr/bin/autoconf 14917 755
f /usr/bin/automake-1.16 260196 755
f /usr/bin/patch 195632 755
f /usr/bin/file 26808 755
f /usr/bin/pkgconf 18720 755
l /usr/bin/pkg-config pkgconf
f /usr/bin/ld.bfd 2042216 755
l /usr/bin/ld ld.bfd
d /usr/include/x86_64-linux-gnu
f /usr/include/stdio.h 31650
f /usr/include/zlib.h 97323
d /usr/include/openssl
f /usr/include/openssl/ssl.h 124643
d /usr/lib/gcc/x86_64-linux-gnu/12
f /usr/lib/x86_64-linux-gnu/libssl.a 1326402
f /usr/lib/x86_64-linux-gnu/libz.a 180934
`,
    ),

  ...pythonLayers('3.13', 'hub/python-3.13', T.bpd + 120),
  ...pythonLayers('3.12', 'hub/python-3.12', T.bpd + 100),
  ...pythonLayers('3.12', 'hub/python-3.12-slim', epochSeconds(T.slim) + 86_400),

  ...nodeLayers('hub/node-24', '24.4.1', T.bpd + 140, false),
  ...nodeLayers('hub/node-22', '22.17.1', T.bpd + 160, false),
  ...nodeLayers('hub/node-20', '20.19.4', T.bpd + 180, false),
  ...nodeLayers('hub/node-20-alpine', '20.19.4', epochSeconds(T.alpine322) + 86_400, true),

  ...postgresLayers('hub/postgres-17', 17, epochSeconds(T.slim) + 90_000),
  ...postgresLayers('hub/postgres-16', 16, epochSeconds(T.slim) + 92_000),

  'hub/httpd/prefix': () => layer(epochSeconds(T.slim) + 95_000, 'd /usr/local/apache2 755 33:33'),
  'hub/httpd/deps': () =>
    layer(
      epochSeconds(T.slim) + 95_000,
      `
d /etc/ssl/certs
f /etc/ssl/certs/ca-certificates.crt 219316
f /usr/lib/x86_64-linux-gnu/libaprutil-1.so.0.6.3 247704
f /usr/lib/x86_64-linux-gnu/libapr-1.so.0.7.2 239040
d /usr/lib/x86_64-linux-gnu/apr-util-1
f /usr/lib/x86_64-linux-gnu/apr-util-1/apr_ldap-1.so 27464
`,
    ),
  'hub/httpd/build': () =>
    layer(
      epochSeconds(T.slim) + 95_200,
      `
d /usr/local/apache2 755 33:33
f /usr/local/apache2/bin/httpd 2456320 755
f /usr/local/apache2/bin/apachectl 3440 755
f /usr/local/apache2/bin/htpasswd 113216 755
f /usr/local/apache2/bin/ab 171704 755
f /usr/local/apache2/bin/rotatelogs 57400 755
f /usr/local/apache2/bin/apxs 24318 755
d /usr/local/apache2/cgi-bin
f /usr/local/apache2/cgi-bin/printenv 820
f /usr/local/apache2/cgi-bin/test-cgi 1074
f /usr/local/apache2/conf/httpd.conf 20979
d /usr/local/apache2/conf/extra
f /usr/local/apache2/conf/extra/httpd-ssl.conf 13464
f /usr/local/apache2/conf/extra/httpd-vhosts.conf 1493
f /usr/local/apache2/conf/magic 13077
f /usr/local/apache2/conf/mime.types 60904
d /usr/local/apache2/conf/original
d /usr/local/apache2/error
f /usr/local/apache2/error/HTTP_NOT_FOUND.html.var 13525
d /usr/local/apache2/htdocs
f /usr/local/apache2/htdocs/index.html @
d /usr/local/apache2/icons
d /usr/local/apache2/include
f /usr/local/apache2/include/httpd.h 95632
d /usr/local/apache2/logs
d /usr/local/apache2/modules
f /usr/local/apache2/modules/mod_mpm_event.so 193440 755
f /usr/local/apache2/modules/mod_rewrite.so 211424 755
f /usr/local/apache2/modules/mod_ssl.so 703856 755
f /usr/local/apache2/modules/mod_proxy.so 316968 755
f /usr/local/apache2/modules/mod_http2.so 636280 755
`,
      { '/usr/local/apache2/htdocs/index.html': '<html><body><h1>It works!</h1></body></html>\n' },
    ),
  'hub/httpd/foreground': () =>
    layer(epochSeconds(T.slim) + 95_300, 'f /usr/local/bin/httpd-foreground @ 755', {
      '/usr/local/bin/httpd-foreground': HTTPD_FOREGROUND,
    }),

  ...nginxAlpineLayers('hub/nginx-alpine', epochSeconds(T.alpine322) + 90_000),
});

/** Build times used above, for the image specs (history `created`). */
export const HUB_TIMES = T;
