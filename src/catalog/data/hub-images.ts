// Images modelled on the official Docker Hub images (not available on the reference engine).
// Configs (Entrypoint, Cmd, Env, ExposedPorts, Volumes, WorkingDir, StopSignal, Labels) and build
// steps follow the official Dockerfiles as published for recent versions (mid-2025 releases);
// image IDs, digests and layer digests are made up (deterministic: sha256 of a seed, see
// hub/build.ts); sizes are realistic round figures; RUN commands in the history are shortened
// and name no download host. Images built FROM debian:bookworm share the layer recorded from the
// real engine, so pulling one after another shows "Already exists" as on Docker Hub.

import { buildHubImage, epochMs, inspectConfig, isoSeconds, PATH_ENV, type HubStep } from '../hub/build.js';
import type { CatalogImage } from '../types.js';
import { ENGINE_IMAGES } from './engine-images.js';
import { HUB_TIMES } from './hub-trees.js';

const engineDebian = ENGINE_IMAGES.find((i) => i.repository === 'debian' && i.tags.includes('bookworm'))!;

const BK = (s: string) => `${s} # buildkit`;
const RUN = (s: string) => BK(`RUN /bin/sh -c ${s}`);

// ---------------------------------------------------------------- debian:bookworm-slim

// Built on first use: hashing made-up digests costs start-up time every CLI call would pay.
function buildHubImages(): CatalogImage[] {
const debianSlim = buildHubImage({
  key: 'debian:bookworm-slim',
  repository: 'debian',
  tags: ['bookworm-slim', 'stable-slim', '12-slim'],
  builder: 'classic',
  start: HUB_TIMES.slim,
  steps: [
    {
      by: `# debian.sh --arch 'amd64' out/ 'bookworm' '@${epochMs(HUB_TIMES.slim) / 1000}'`,
      created: HUB_TIMES.slim,
      comment: 'debuerreotype 0.15',
      size: 74_811_552,
      compressed: 28_228_311,
      tree: 'hub/debian-bookworm-slim',
      seconds: 0,
    },
  ],
  config: inspectConfig({ Cmd: ['bash'] }),
});

// ---------------------------------------------------------------- alpine

function alpine(version: string, tags: string[], created: string, size: number, compressed: number, tree: string): CatalogImage {
  return buildHubImage({
    key: `alpine:${version}`,
    repository: 'alpine',
    tags,
    start: created,
    steps: [
      { by: BK(`ADD alpine-minirootfs-${version}-x86_64.tar.gz /`), size, compressed, tree, created, seconds: 0 },
      { by: 'CMD ["/bin/sh"]', created, seconds: 0 },
    ],
    config: inspectConfig({ ArgsEscaped: true, Cmd: ['/bin/sh'], WorkingDir: '/' }),
  });
}

const alpine322 = alpine('3.22.1', ['latest', '3.22', '3.22.1', '3'], HUB_TIMES.alpine322.replace('Z', '.438915211Z'), 8_311_846, 3_799_934, 'hub/alpine-3.22');
const alpine320 = alpine('3.20.6', ['3.20', '3.20.6'], HUB_TIMES.alpine320.replace('Z', '.102338765Z'), 7_805_448, 3_626_314, 'hub/alpine-3.20');

// ---------------------------------------------------------------- ubuntu

function ubuntu(release: '24.04' | '22.04', tags: string[], created: string, size: number, compressed: number): CatalogImage {
  const nop = (s: string) => `/bin/sh -c #(nop)  ${s}`;
  return buildHubImage({
    key: `ubuntu:${release}`,
    repository: 'ubuntu',
    tags,
    builder: 'classic',
    dockerVersion: '24.0.7',
    start: created,
    steps: [
      { by: nop('ARG RELEASE'), seconds: 0 },
      { by: nop('ARG LAUNCHPAD_BUILD_ARCH'), seconds: 0 },
      { by: nop('LABEL org.opencontainers.image.ref.name=ubuntu'), seconds: 0 },
      { by: nop(`LABEL org.opencontainers.image.version=${release}`), seconds: 0 },
      {
        by: `/bin/sh -c #(nop) ADD file:${(release === '24.04' ? 'a9c8b1e3f4' : '5d3b1f0c2e').repeat(6).slice(0, 64)} in / `,
        size,
        compressed,
        tree: `hub/ubuntu-${release}`,
        seconds: 2,
      },
      { by: nop('CMD ["/bin/bash"]'), seconds: 0 },
    ],
    config: inspectConfig({
      Cmd: ['/bin/bash'],
      Labels: { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': release },
    }),
  });
}

const ubuntu2404 = ubuntu('24.04', ['latest', '24.04', 'noble'], HUB_TIMES.ubuntu2404, 78_129_792, 29_723_147);
const ubuntu2204 = ubuntu('22.04', ['22.04', 'jammy'], HUB_TIMES.ubuntu2204, 77_863_728, 29_538_961);

// ---------------------------------------------------------------- buildpack-deps (FROM the engine's debian:bookworm)

const bpdCurl = buildHubImage({
  key: 'buildpack-deps:bookworm-curl',
  repository: 'buildpack-deps',
  tags: ['bookworm-curl', 'curl'],
  from: engineDebian,
  start: isoSeconds(epochMs(engineDebian.created) + 2000),
  steps: [
    {
      by: RUN(
        'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tcurl \t\tgnupg \t\tnetbase \t\tsq \t\twget \t; \trm -rf /var/lib/apt/lists/*',
      ),
      size: 55_741_124,
      compressed: 24_014_213,
      tree: 'hub/buildpack-deps-curl',
      seconds: 1,
    },
  ],
  config: inspectConfig({ Cmd: ['bash'] }),
  parentImage: 'debian:bookworm',
});

const bpdScm = buildHubImage({
  key: 'buildpack-deps:bookworm-scm',
  repository: 'buildpack-deps',
  tags: ['bookworm-scm', 'scm'],
  from: bpdCurl,
  start: bpdCurl.created,
  steps: [
    {
      by: RUN(
        'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgit \t\tmercurial \t\topenssh-client \t\tsubversion \t\t\t\tprocps \t; \trm -rf /var/lib/apt/lists/*',
      ),
      size: 169_921_660,
      compressed: 64_394_106,
      tree: 'hub/buildpack-deps-scm',
      seconds: 1,
    },
  ],
  config: inspectConfig({ Cmd: ['bash'] }),
  parentImage: 'buildpack-deps:bookworm-curl',
});

const bpd = buildHubImage({
  key: 'buildpack-deps:bookworm',
  repository: 'buildpack-deps',
  tags: ['bookworm', 'latest', 'stable'],
  from: bpdScm,
  start: bpdScm.created,
  steps: [
    {
      by: RUN(
        'set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tautoconf \t\tautomake \t\tbzip2 \t\tdefault-libmysqlclient-dev \t\tdpkg-dev \t\tfile \t\tg++ \t\tgcc \t\timagemagick \t\tlibbz2-dev \t\tlibc6-dev \t\tlibcurl4-openssl-dev \t\tlibdb-dev \t\tlibevent-dev \t\tlibffi-dev \t\tlibgdbm-dev \t\tlibglib2.0-dev \t\tlibgmp-dev \t\tlibjpeg-dev \t\tlibkrb5-dev \t\tliblzma-dev \t\tlibmagickcore-dev \t\tlibmagickwand-dev \t\tlibmaxminddb-dev \t\tlibncurses5-dev \t\tlibncursesw5-dev \t\tlibpng-dev \t\tlibpq-dev \t\tlibreadline-dev \t\tlibsqlite3-dev \t\tlibssl-dev \t\tlibtool \t\tlibwebp-dev \t\tlibxml2-dev \t\tlibxslt-dev \t\tlibyaml-dev \t\tmake \t\tpatch \t\tunzip \t\txz-utils \t\tzlib1g-dev \t; \trm -rf /var/lib/apt/lists/*',
      ),
      size: 569_552_711,
      compressed: 211_304_120,
      tree: 'hub/buildpack-deps',
      seconds: 2,
    },
  ],
  config: inspectConfig({ Cmd: ['bash'] }),
  parentImage: 'buildpack-deps:bookworm-scm',
});

// ---------------------------------------------------------------- python

const PY = {
  '3.13': { full: '3.13.5', gpg: '7169605F62C751356D054A26A821E680E5FA6305' },
  '3.12': { full: '3.12.11', gpg: '7169605F62C751356D054A26A821E680E5FA6305' },
} as const;

function python(minor: '3.13' | '3.12', slim: boolean, tags: string[]): CatalogImage {
  const v = PY[minor];
  const key = `python:${minor}${slim ? '-slim' : ''}`;
  const prefix = `hub/python-${minor}${slim ? '-slim' : ''}`;
  const pathEnv = 'PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
  // made up: the real value is the sha256 of the release tarball
  const sha = `${minor.replace('.', '')}${'0f3c9a7d1e5b8c2f4a6d'.repeat(4)}`.slice(0, 64);
  const steps: HubStep[] = [
    { by: `ENV ${pathEnv}` },
    { by: 'ENV LANG=C.UTF-8' },
    slim
      ? {
          by: RUN(
            'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tnetbase \t\ttzdata \t; \trm -rf /var/lib/apt/lists/*',
          ),
          size: 9_196_438,
          compressed: 3_512_187,
          tree: `${prefix}/deps`,
        }
      : {
          by: RUN(
            'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibbluetooth-dev \t\ttk-dev \t\tuuid-dev \t; \trm -rf /var/lib/apt/lists/*',
          ),
          size: 18_270_147,
          compressed: 6_160_321,
          tree: `${prefix}/deps`,
        },
    { by: `ENV GPG_KEY=${v.gpg}` },
    { by: `ENV PYTHON_VERSION=${v.full}` },
    { by: `ENV PYTHON_SHA256=${sha}` },
    {
      by: RUN(
        'set -eux; \t\twget -O python.tar.xz "$PYTHON_URL"; \techo "$PYTHON_SHA256 *python.tar.xz" | sha256sum -c -; \tmkdir -p /usr/src/python; \ttar --extract --directory /usr/src/python --strip-components=1 --file python.tar.xz; \trm python.tar.xz; \t\tcd /usr/src/python; \t./configure \t\t--enable-loadable-sqlite-extensions \t\t--enable-optimizations \t\t--enable-option-checking=fatal \t\t--enable-shared \t\t--with-lto \t\t--with-ensurepip \t; \tmake -j "$(nproc)"; \tmake install; \t\tcd /; \trm -rf /usr/src/python; \t\tldconfig; \t\tpython3 --version; \tpip3 --version',
      ),
      size: slim ? 41_275_302 : minor === '3.13' ? 87_412_006 : 84_221_360,
      compressed: slim ? 13_654_208 : minor === '3.13' ? 26_712_734 : 25_584_513,
      tree: `${prefix}/python`,
      seconds: 240,
    },
    {
      by: RUN(
        'set -eux; \tfor src in idle3 pip3 pydoc3 python3 python3-config; do \t\tdst="$(echo "$src" | tr -d 3)"; \t\t[ -s "/usr/local/bin/$src" ]; \t\t[ ! -e "/usr/local/bin/$dst" ]; \t\tln -svT "$src" "/usr/local/bin/$dst"; \tdone',
      ),
      size: 36,
      compressed: 249,
      tree: `${prefix}/links`,
    },
    { by: 'CMD ["python3"]' },
  ];
  const from = slim ? debianSlim : bpd;
  return buildHubImage({
    key,
    repository: 'python',
    tags,
    from,
    start: slim ? isoSeconds(epochMs(from.created) + 86_400_000) : from.created,
    steps,
    config: inspectConfig({
      ArgsEscaped: true,
      Cmd: ['python3'],
      Env: [pathEnv, 'LANG=C.UTF-8', `GPG_KEY=${v.gpg}`, `PYTHON_VERSION=${v.full}`, `PYTHON_SHA256=${sha}`],
    }),
    parentImage: slim ? 'debian:bookworm-slim' : 'buildpack-deps:bookworm',
  });
}

const python313 = python('3.13', false, ['latest', '3.13', '3', '3.13.5', 'bookworm', '3.13-bookworm']);
const python312 = python('3.12', false, ['3.12', '3.12.11', '3.12-bookworm']);
const python312slim = python('3.12', true, ['3.12-slim', '3.12.11-slim', '3.12-slim-bookworm']);

// ---------------------------------------------------------------- node

function node(version: string, tags: string[], alpineBase: boolean): CatalogImage {
  const major = version.split('.')[0];
  const prefix = `hub/node-${major}${alpineBase ? '-alpine' : ''}`;
  const from = alpineBase ? alpine322 : bpd;
  const nodeSize = alpineBase ? 119_641_228 : ({ '24': 201_943_112, '22': 192_486_514, '20': 176_012_930 } as Record<string, number>)[major];
  const steps: HubStep[] = alpineBase
    ? [
        { by: `ENV NODE_VERSION=${version}` },
        {
          by: RUN(
            'addgroup -g 1000 node     && adduser -u 1000 -G node -s /bin/sh -D node     && apk add --no-cache         libstdc++     && apk add --no-cache --virtual .build-deps         curl     && ARCH= OPENSSL_ARCH=\'linux*\' && alpineArch="$(apk --print-arch)"       && case "${alpineArch##*-}" in         x86_64) ARCH=\'x64\' CHECKSUM="$NODE_CHECKSUM" OPENSSL_ARCH=linux-x86_64;;         *) ;;       esac   && tar -xJf "node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz" -C /usr/local --strip-components=1 --no-same-owner   && ln -s /usr/local/bin/node /usr/local/bin/nodejs   && apk del .build-deps   && node --version   && npm --version',
          ),
          size: nodeSize,
          compressed: 42_938_551,
          tree: `${prefix}/node`,
          seconds: 30,
        },
      ]
    : [
        {
          by: RUN('groupadd --gid 1000 node   && useradd --uid 1000 --gid node --shell /bin/bash --create-home node'),
          size: 8_923,
          compressed: 3_312,
          tree: `${prefix}/user`,
        },
        { by: `ENV NODE_VERSION=${version}` },
        {
          by: RUN(
            'ARCH= && dpkgArch="$(dpkg --print-architecture)"   && case "${dpkgArch##*-}" in     amd64) ARCH=\'x64\';;     ppc64el) ARCH=\'ppc64le\';;     s390x) ARCH=\'s390x\';;     arm64) ARCH=\'arm64\';;     armhf) ARCH=\'armv7l\';;     i386) ARCH=\'x86\';;     *) echo "unsupported architecture"; exit 1 ;;   esac   && export GNUPGHOME="$(mktemp -d)"   && gpgconf --kill all   && rm -rf "$GNUPGHOME"   && grep " node-v$NODE_VERSION-linux-$ARCH.tar.xz\\$" SHASUMS256.txt | sha256sum -c -   && tar -xJf "node-v$NODE_VERSION-linux-$ARCH.tar.xz" -C /usr/local --strip-components=1 --no-same-owner   && rm "node-v$NODE_VERSION-linux-$ARCH.tar.xz" SHASUMS256.txt.asc SHASUMS256.txt   && ln -s /usr/local/bin/node /usr/local/bin/nodejs   && node --version   && npm --version   && rm -rf /tmp/*',
          ),
          size: nodeSize,
          compressed: Math.round(nodeSize * 0.295),
          tree: `${prefix}/node`,
          seconds: 30,
        },
      ];
  steps.push(
    { by: 'ENV YARN_VERSION=1.22.22' },
    {
      by: RUN(
        alpineBase
          ? 'apk add --no-cache --virtual .build-deps-yarn curl gnupg tar   && export GNUPGHOME="$(mktemp -d)"   && gpgconf --kill all   && rm -rf "$GNUPGHOME"   && mkdir -p /opt   && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarnpkg /usr/local/bin/yarnpkg   && rm yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && apk del .build-deps-yarn   && yarn --version   && rm -rf /tmp/*'
          : 'set -ex   && export GNUPGHOME="$(mktemp -d)"   && gpgconf --kill all   && rm -rf "$GNUPGHOME"   && mkdir -p /opt   && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarnpkg /usr/local/bin/yarnpkg   && rm yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && yarn --version   && rm -rf /tmp/*',
      ),
      size: 5_339_810,
      compressed: 1_247_910,
      tree: `${prefix}/yarn`,
    },
    { by: BK('COPY docker-entrypoint.sh /usr/local/bin/'), size: 388, compressed: 451, tree: `${prefix}/entrypoint` },
    { by: 'ENTRYPOINT ["docker-entrypoint.sh"]' },
    { by: 'CMD ["node"]' },
  );
  return buildHubImage({
    key: `node:${major}${alpineBase ? '-alpine' : ''}`,
    repository: 'node',
    tags,
    from,
    start: alpineBase ? isoSeconds(epochMs(from.created) + 86_400_000) : from.created,
    steps,
    config: inspectConfig({
      ArgsEscaped: true,
      Cmd: ['node'],
      Entrypoint: ['docker-entrypoint.sh'],
      Env: [PATH_ENV, `NODE_VERSION=${version}`, 'YARN_VERSION=1.22.22'],
    }),
    parentImage: alpineBase ? 'alpine:3.22' : 'buildpack-deps:bookworm',
  });
}

const node24 = node('24.4.1', ['latest', '24', '24.4', '24.4.1', 'current', 'bookworm'], false);
const node22 = node('22.17.1', ['22', '22.17', '22.17.1', 'lts', 'jod', '22-bookworm'], false);
const node20 = node('20.19.4', ['20', '20.19', '20.19.4', 'iron', '20-bookworm'], false);
const node20alpine = node('20.19.4', ['20-alpine', '20.19-alpine', '20.19.4-alpine', '20-alpine3.22'], true);

// ---------------------------------------------------------------- postgres (FROM debian:bookworm-slim)

function postgres(major: 17 | 16, version: string, tags: string[]): CatalogImage {
  const prefix = `hub/postgres-${major}`;
  const pathEnv = `PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/${major}/bin`;
  const pgVersion = `${version}-1.pgdg120+1`;
  const steps: HubStep[] = [
    {
      by: RUN(
        'set -eux; \tgroupadd -r postgres --gid=999; \tuseradd -r -g postgres --uid=999 --home-dir=/var/lib/postgresql --shell=/bin/bash postgres; \tinstall --verbose --directory --owner postgres --group postgres --mode 1777 /var/lib/postgresql',
      ),
      size: 3_923,
      compressed: 1_109,
      tree: `${prefix}/user`,
    },
    {
      by: RUN('set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgnupg \t\tless \t; \trm -rf /var/lib/apt/lists/*'),
      size: 9_915_022,
      compressed: 4_531_208,
      tree: `${prefix}/gnupg`,
    },
    { by: 'ENV GOSU_VERSION=1.17' },
    {
      by: RUN(
        'set -eux; \tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends ca-certificates wget; \trm -rf /var/lib/apt/lists/*; \tdpkgArch="$(dpkg --print-architecture | awk -F- \'{ print $NF }\')"; \tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true',
      ),
      size: 4_517_330,
      compressed: 1_259_337,
      tree: `${prefix}/gosu`,
    },
    {
      by: RUN(
        "set -eux; \tif [ -f /etc/dpkg/dpkg.cfg.d/docker ]; then \t\tgrep -q '/usr/share/locale' /etc/dpkg/dpkg.cfg.d/docker; \t\tsed -ri '/\\/usr\\/share\\/locale/d' /etc/dpkg/dpkg.cfg.d/docker; \t\t! grep -q '/usr/share/locale' /etc/dpkg/dpkg.cfg.d/docker; \tfi; \tapt-get update; apt-get install -y --no-install-recommends locales; rm -rf /var/lib/apt/lists/*; \techo 'en_US.UTF-8 UTF-8' >> /etc/locale.gen; \tlocale-gen; \tlocale -a | grep 'en_US.utf8'",
      ),
      size: 24_389_411,
      compressed: 8_066_281,
      tree: `${prefix}/locales`,
    },
    { by: 'ENV LANG=en_US.utf8' },
    {
      by: RUN('set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibnss-wrapper \t\txz-utils \t\tzstd \t; \trm -rf /var/lib/apt/lists/*'),
      size: 2_130_882,
      compressed: 1_184_905,
      tree: `${prefix}/tools`,
    },
    { by: RUN('mkdir /docker-entrypoint-initdb.d'), size: 0, compressed: 115, tree: `${prefix}/initdb.d` },
    {
      by: RUN(
        "set -ex; \tkey='B97B0AFCAA1A47F044F244A07FCC7D46ACCC4CF8'; \texport GNUPGHOME=\"$(mktemp -d)\"; \tmkdir -p /usr/local/share/keyrings/; \tgpg --batch --export --armor \"$key\" > /usr/local/share/keyrings/postgres.gpg.asc; \tgpgconf --kill all; \trm -rf \"$GNUPGHOME\"",
      ),
      size: 4_812,
      compressed: 1_451,
      tree: `${prefix}/key`,
    },
    { by: `ENV PG_MAJOR=${major}` },
    { by: `ENV ${pathEnv}` },
    { by: `ENV PG_VERSION=${pgVersion}` },
    {
      by: RUN(
        'set -ex; \t\texport PYTHONDONTWRITEBYTECODE=1; \t\tdpkgArch="$(dpkg --print-architecture)"; \tcase "$dpkgArch" in \t\tamd64 | arm64 | ppc64el | s390x) \t\t\techo "deb [ signed-by=/usr/local/share/keyrings/postgres.gpg.asc ] $PGDG_REPO bookworm-pgdg main $PG_MAJOR" > /etc/apt/sources.list.d/pgdg.list; \t\t\tapt-get update; \t\t\t;; \tesac; \t\tapt-get install -y --no-install-recommends postgresql-common; \tsed -ri \'s/#(create_main_cluster) .*$/\\1 = false/\' /etc/postgresql-common/createcluster.conf; \tapt-get install -y --no-install-recommends \t\t"postgresql-$PG_MAJOR=$PG_VERSION" \t; \t\trm -rf /var/lib/apt/lists/*; \t\tpostgres --version',
      ),
      size: major === 17 ? 319_547_393 : 312_086_144,
      compressed: major === 17 ? 110_203_551 : 107_733_092,
      tree: `${prefix}/server`,
      seconds: 40,
    },
    {
      by: RUN(
        'set -eux; \tdpkg-divert --add --rename --divert "/usr/share/postgresql/postgresql.conf.sample.dpkg" "/usr/share/postgresql/$PG_MAJOR/postgresql.conf.sample"; \tcp -v /usr/share/postgresql/postgresql.conf.sample.dpkg /usr/share/postgresql/postgresql.conf.sample; \tln -sv ../postgresql.conf.sample "/usr/share/postgresql/$PG_MAJOR/"; \tsed -ri "s!^#?(listen_addresses)\\s*=\\s*\\S+.*!\\1 = \'*\'!" /usr/share/postgresql/postgresql.conf.sample; \tgrep -F "listen_addresses = \'*\'" /usr/share/postgresql/postgresql.conf.sample',
      ),
      size: 62_339,
      compressed: 9_972,
      tree: `${prefix}/conf-sample`,
    },
    {
      by: RUN('install --verbose --directory --owner postgres --group postgres --mode 3777 /var/run/postgresql'),
      size: 0,
      compressed: 120,
      tree: `${prefix}/run`,
    },
    { by: 'ENV PGDATA=/var/lib/postgresql/data' },
    {
      by: RUN('install --verbose --directory --owner postgres --group postgres --mode 1777 "$PGDATA"'),
      size: 0,
      compressed: 120,
      tree: `${prefix}/pgdata`,
    },
    { by: 'VOLUME [/var/lib/postgresql/data]' },
    {
      by: BK('COPY docker-entrypoint.sh docker-ensure-initdb.sh /usr/local/bin/'),
      size: 13_605,
      compressed: 4_903,
      tree: `${prefix}/scripts`,
    },
    {
      by: RUN('ln -sT docker-ensure-initdb.sh /usr/local/bin/docker-enforce-initdb.sh'),
      size: 0,
      compressed: 185,
      tree: `${prefix}/enforce`,
    },
    { by: 'ENTRYPOINT ["docker-entrypoint.sh"]' },
    { by: 'STOPSIGNAL SIGINT' },
    { by: 'EXPOSE [5432/tcp]' },
    { by: 'CMD ["postgres"]' },
  ];
  return buildHubImage({
    key: `postgres:${major}`,
    repository: 'postgres',
    tags,
    from: debianSlim,
    start: isoSeconds(epochMs(debianSlim.created) + 90_000_000 + major * 60_000),
    steps,
    config: inspectConfig({
      ArgsEscaped: true,
      Cmd: ['postgres'],
      Entrypoint: ['docker-entrypoint.sh'],
      Env: [pathEnv, 'GOSU_VERSION=1.17', 'LANG=en_US.utf8', `PG_MAJOR=${major}`, `PG_VERSION=${pgVersion}`, 'PGDATA=/var/lib/postgresql/data'],
      ExposedPorts: { '5432/tcp': {} },
      StopSignal: 'SIGINT',
      Volumes: { '/var/lib/postgresql/data': {} },
    }),
    parentImage: 'debian:bookworm-slim',
  });
}

const postgres17 = postgres(17, '17.5', ['latest', '17', '17.5', 'bookworm', '17-bookworm']);
const postgres16 = postgres(16, '16.9', ['16', '16.9', '16-bookworm']);

// ---------------------------------------------------------------- httpd (FROM debian:bookworm-slim)

const HTTPD_VERSION = '2.4.65';
const HTTPD_SHA256 = '58b8be97d9940ec17f7656c0c6b9f41b618aac468b894b534148e3296c53b8b3'; // made up
const httpdPath = 'PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const httpd = buildHubImage({
  key: 'httpd:2.4',
  repository: 'httpd',
  tags: ['latest', '2.4', '2', HTTPD_VERSION, 'bookworm', '2.4-bookworm'],
  from: debianSlim,
  start: isoSeconds(epochMs(debianSlim.created) + 95_000_000),
  steps: [
    { by: 'ENV HTTPD_PREFIX=/usr/local/apache2' },
    { by: `ENV ${httpdPath}` },
    { by: RUN('mkdir -p "$HTTPD_PREFIX" \t&& chown www-data:www-data "$HTTPD_PREFIX"'), size: 0, compressed: 145, tree: 'hub/httpd/prefix' },
    { by: 'WORKDIR /usr/local/apache2', size: 0, compressed: 93 },
    {
      by: RUN(
        'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tlibaprutil1-ldap \t\tlibldap-common \t; \trm -rf /var/lib/apt/lists/*',
      ),
      size: 11_178_812,
      compressed: 4_208_561,
      tree: 'hub/httpd/deps',
    },
    { by: `ENV HTTPD_VERSION=${HTTPD_VERSION}` },
    { by: `ENV HTTPD_SHA256=${HTTPD_SHA256}` },
    { by: 'ENV HTTPD_PATCHES=' },
    {
      by: RUN(
        'set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tbzip2 \t\tdpkg-dev \t\tgcc \t\tlibapr1-dev \t\tlibaprutil1-dev \t\tlibbrotli-dev \t\tlibcurl4-openssl-dev \t\tlibjansson-dev \t\tliblua5.2-dev \t\tlibnghttp2-dev \t\tlibpcre2-dev \t\tlibssl-dev \t\tlibxml2-dev \t\tmake \t\twget \t\tzlib1g-dev \t; \trm -r /var/lib/apt/lists/*; \t\techo "$HTTPD_SHA256 *httpd.tar.bz2" | sha256sum -c -; \tmkdir -p src; \ttar -xf httpd.tar.bz2 -C src --strip-components=1; \trm httpd.tar.bz2; \tcd src; \t\t./configure \t\t--build="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)" \t\t--prefix="$HTTPD_PREFIX" \t\t--enable-mods-shared=reallyall \t\t--enable-mpms-shared=all \t; \tmake -j "$(nproc)"; \tmake install; \t\tcd ..; \trm -r src man manual; \t\tsed -ri \t\t-e \'s!^(\\s*CustomLog)\\s+\\S+!\\1 /proc/self/fd/1!g\' \t\t-e \'s!^(\\s*ErrorLog)\\s+\\S+!\\1 /proc/self/fd/2!g\' \t\t-e \'s!^(\\s*TransferLog)\\s+\\S+!\\1 /proc/self/fd/1!g\' \t\t-e \'s!^(\\s*User)\\s+daemon\\s*$!\\1 www-data!g\' \t\t-e \'s!^(\\s*Group)\\s+daemon\\s*$!\\1 www-data!g\' \t\t"$HTTPD_PREFIX/conf/httpd.conf" \t\t"$HTTPD_PREFIX/conf/extra/httpd-ssl.conf" \t; \t\tapt-mark auto \'.*\' > /dev/null; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \t\thttpd -v',
      ),
      size: 62_018_223,
      compressed: 25_943_002,
      tree: 'hub/httpd/build',
      seconds: 90,
    },
    { by: 'STOPSIGNAL SIGWINCH' },
    { by: BK('COPY httpd-foreground /usr/local/bin/'), size: 138, compressed: 290, tree: 'hub/httpd/foreground' },
    { by: 'EXPOSE [80/tcp]' },
    { by: 'CMD ["httpd-foreground"]' },
  ],
  config: inspectConfig({
    ArgsEscaped: true,
    Cmd: ['httpd-foreground'],
    Env: [httpdPath, 'HTTPD_PREFIX=/usr/local/apache2', `HTTPD_VERSION=${HTTPD_VERSION}`, `HTTPD_SHA256=${HTTPD_SHA256}`, 'HTTPD_PATCHES='],
    ExposedPorts: { '80/tcp': {} },
    StopSignal: 'SIGWINCH',
    WorkingDir: '/usr/local/apache2',
  }),
  parentImage: 'debian:bookworm-slim',
});

// ---------------------------------------------------------------- nginx:alpine (FROM alpine:3.22)

const NGINX_ALPINE_VERSION = '1.29.0';
const nginxAlpine = buildHubImage({
  key: 'nginx:alpine',
  repository: 'nginx',
  tags: ['alpine', 'mainline-alpine', `${NGINX_ALPINE_VERSION}-alpine`, '1.29-alpine', 'alpine3.22'],
  from: alpine322,
  start: isoSeconds(epochMs(alpine322.created) + 90_000_000),
  steps: [
    { by: 'LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>' },
    { by: `ENV NGINX_VERSION=${NGINX_ALPINE_VERSION}` },
    { by: 'ENV PKG_RELEASE=1' },
    { by: 'ENV DYNPKG_RELEASE=1' },
    {
      by: RUN(
        'set -x     && addgroup -g 101 -S nginx     && adduser -S -D -H -u 101 -h /var/cache/nginx -s /sbin/nologin -G nginx -g nginx nginx     && apkArch="$(cat /etc/apk/arch)"     && nginxPackages="         nginx=${NGINX_VERSION}-r${PKG_RELEASE}     "     && apk add --no-cache --virtual .checksum-deps         openssl     && apk add -X "$NGINX_APK_REPO" --no-cache $nginxPackages     && apk del --no-network .checksum-deps     && apk add --no-cache --virtual .gettext gettext     && mv /usr/bin/envsubst /tmp/         && runDeps="$(         scanelf --needed --nobanner /tmp/envsubst             | awk \'{ gsub(/,/, "\\nso:", $2); print "so:" $2 }\'             | sort -u             | xargs -r apk info --installed             | sort -u     )"     && apk add --no-cache $runDeps     && apk del --no-network .gettext     && mv /tmp/envsubst /usr/local/bin/     && apk add --no-cache tzdata     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d',
      ),
      size: 5_073_446,
      compressed: 1_805_912,
      tree: 'hub/nginx-alpine/nginx',
    },
    { by: BK('COPY docker-entrypoint.sh /'), size: 2_062, compressed: 628, tree: 'hub/nginx-alpine/entrypoint' },
    { by: BK('COPY 10-listen-on-ipv6-by-default.sh /docker-entrypoint.d'), size: 1_353, compressed: 954, tree: 'hub/nginx-alpine/hook10' },
    { by: BK('COPY 15-local-resolvers.envsh /docker-entrypoint.d'), size: 447, compressed: 404, tree: 'hub/nginx-alpine/hook15' },
    { by: BK('COPY 20-envsubst-on-templates.sh /docker-entrypoint.d'), size: 1_172, compressed: 1_209, tree: 'hub/nginx-alpine/hook20' },
    { by: BK('COPY 30-tune-worker-processes.sh /docker-entrypoint.d'), size: 1_139, compressed: 1_398, tree: 'hub/nginx-alpine/hook30' },
    { by: 'ENTRYPOINT ["/docker-entrypoint.sh"]' },
    { by: 'EXPOSE [80/tcp]' },
    { by: 'STOPSIGNAL SIGQUIT' },
    { by: 'CMD ["nginx" "-g" "daemon off;"]' },
    { by: 'ENV NJS_VERSION=0.9.0' },
    { by: 'ENV NJS_RELEASE=1' },
    {
      by: RUN(
        'set -x     && apkArch="$(cat /etc/apk/arch)"     && nginxPackages="         nginx=${NGINX_VERSION}-r${PKG_RELEASE}         nginx-module-xslt=${NGINX_VERSION}-r${DYNPKG_RELEASE}         nginx-module-geoip=${NGINX_VERSION}-r${DYNPKG_RELEASE}         nginx-module-image-filter=${NGINX_VERSION}-r${DYNPKG_RELEASE}         nginx-module-njs=${NGINX_VERSION}.${NJS_VERSION}-r${NJS_RELEASE}     "     && apk add --no-cache --virtual .checksum-deps         openssl     && apk add -X "$NGINX_APK_REPO" --no-cache $nginxPackages     && apk del --no-network .checksum-deps     && apk add --no-cache curl ca-certificates',
      ),
      size: 39_105_617,
      compressed: 15_208_771,
      tree: 'hub/nginx-alpine/njs',
    },
  ],
  config: inspectConfig({
    ArgsEscaped: true,
    Cmd: ['nginx', '-g', 'daemon off;'],
    Entrypoint: ['/docker-entrypoint.sh'],
    Env: [PATH_ENV, `NGINX_VERSION=${NGINX_ALPINE_VERSION}`, 'PKG_RELEASE=1', 'DYNPKG_RELEASE=1', 'NJS_VERSION=0.9.0', 'NJS_RELEASE=1'],
    ExposedPorts: { '80/tcp': {} },
    Labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
    StopSignal: 'SIGQUIT',
  }),
  parentImage: 'alpine:3.22',
});

// ---------------------------------------------------------------- the list

return [
  alpine322,
  alpine320,
  ubuntu2404,
  ubuntu2204,
  debianSlim,
  bpdCurl,
  bpdScm,
  bpd,
  postgres17,
  postgres16,
  python313,
  python312,
  python312slim,
  node24,
  node22,
  node20,
  node20alpine,
  httpd,
  nginxAlpine,
];
}

let hubImagesCache: CatalogImage[] | undefined;

/** The Docker Hub-modelled images (built once, on first use). */
export function hubImages(): CatalogImage[] {
  return (hubImagesCache ??= buildHubImages());
}
