#!/usr/bin/env bash
# Builds, without any container registry, a minimal Docker base image that runs
# a small Java 17 server jar (java.base + java.logging + jdk.httpserver).
#
#   docker/base-image/make-base-image.sh [--force] [--no-verify]
#
# How: jlink makes a trimmed Java 17 runtime under /opt/java; the root
# filesystem then gets exactly the shared libraries that `ldd` names for the
# runtime's executables and lib/**/*.so (glibc, libstdc++, libgcc_s, libz,
# libm and the dynamic loader), an /etc/passwd and /etc/group with the
# non-root user `fake` (uid/gid 10001), /tmp (1777), and nothing else: no
# shell, no package manager. The tree is imported with `docker import`.
#
# Environment:
#   SAGEMAKER_FAKE_BASE_IMAGE    image name (default sagemaker-workforce-fake-base:17)
#   SAGEMAKER_FAKE_BASE_MODULES  jlink modules (default java.base,java.logging,jdk.unsupported,jdk.httpserver;
#                                jdk.unsupported gives Netty sun.misc.Unsafe, optional)
#   SAGEMAKER_FAKE_JDK           JDK 17 home holding jlink and jmods (default: found)
#
# Idempotent: does nothing when the image already exists, unless --force.
set -euo pipefail

IMAGE="${SAGEMAKER_FAKE_BASE_IMAGE:-sagemaker-workforce-fake-base:17}"
MODULES="${SAGEMAKER_FAKE_BASE_MODULES:-java.base,java.logging,jdk.unsupported,jdk.httpserver}"
FAKE_UID=10001
FORCE=false
VERIFY=true

for arg in "$@"; do
  case "$arg" in
    --force) FORCE=true ;;
    --no-verify) VERIFY=false ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "make-base-image: unknown argument: $arg" >&2; exit 2 ;;
  esac
done

log() { echo "make-base-image: $*"; }
die() { echo "make-base-image: ERROR: $*" >&2; exit 1; }

command -v docker >/dev/null 2>&1 || die "the docker client is not installed"
docker info >/dev/null 2>&1 || die "the Docker daemon does not answer (docker info failed)"

if [[ "$FORCE" != true ]] && docker image inspect "$IMAGE" >/dev/null 2>&1; then
  log "image $IMAGE already exists; skipping (use --force to rebuild)"
  exit 0
fi

# --- find a JDK 17 with jlink and jmods -------------------------------------
# JAVA_HOME may point at another JDK (a Temurin 25 sits beside 17 on some
# machines); jlink must be the JDK 17 one, matching its own jmods.
is_jdk17() {
  [[ -n "$1" && -x "$1/bin/jlink" && -f "$1/jmods/java.base.jmod" && -f "$1/release" ]] &&
    grep -q '^JAVA_VERSION="17[."]' "$1/release"
}
JDK=""
for candidate in "${SAGEMAKER_FAKE_JDK:-}" "${JAVA_HOME:-}" \
    /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk* /usr/lib/jvm/*17*; do
  if is_jdk17 "$candidate"; then JDK="$candidate"; break; fi
done
[[ -n "$JDK" ]] || die "no JDK 17 with jlink and jmods found (set SAGEMAKER_FAKE_JDK)"
log "using JDK $JDK, modules $MODULES"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/fake-base-image.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
ROOTFS="$WORK/rootfs"
RUNTIME="$ROOTFS/opt/java"
mkdir -p "$ROOTFS/opt"

# --- the Java runtime ---------------------------------------------------------
# --compress=2 is JDK 17's spelling of zip compression (zip-6 arrived in 21).
"$JDK/bin/jlink" \
  --add-modules "$MODULES" \
  --strip-debug \
  --no-header-files \
  --no-man-pages \
  --compress=2 \
  --output "$RUNTIME"

# Debian's libjvm.so keeps its .symtab (~4 MB); dynamic symbols stay.
if command -v strip >/dev/null 2>&1; then
  find "$RUNTIME" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec strip --strip-unneeded {} +
fi

# --- shared libraries: exactly what ldd names ---------------------------------
declare -A LIBS=()
while IFS= read -r elf; do
  file_out="$(LC_ALL=C ldd "$elf" 2>&1 || true)"
  case "$file_out" in *"not a dynamic executable"*) continue ;; esac
  while IFS= read -r line; do
    line="${line#"${line%%[![:space:]]*}"}"
    case "$line" in
      linux-vdso.so.*|"") continue ;;
      *"=> not found"*)
        # libjvm.so is found at run time through the launcher, not ld.so.
        name="${line%% *}"
        [[ -n "$(find "$RUNTIME/lib" -name "$name" -print -quit)" ]] ||
          die "ldd: $elf needs $name, which is nowhere"
        continue ;;
      *"=> "*) path="${line#*=> }"; path="${path%% (*}" ;;
      /*) path="${line%% (*}" ;;
      *) continue ;;
    esac
    case "$path" in "$RUNTIME"/*|"$WORK"/*) continue ;; esac
    LIBS["$path"]=1
  done <<<"$file_out"
done < <(find "$RUNTIME" -type f \( -name '*.so' -o -perm -u+x \) -print)

[[ ${#LIBS[@]} -gt 0 ]] || die "ldd found no libraries; is this a dynamically linked JDK?"
for lib in "${!LIBS[@]}"; do
  mkdir -p "$ROOTFS$(dirname "$lib")"
  cp -L "$lib" "$ROOTFS$lib"          # the file itself, under the name ld.so looks for
done
log "system libraries: $(printf '%s\n' "${!LIBS[@]}" | sort | tr '\n' ' ')"

# The ELF interpreter named in bin/java (normally /lib64/ld-linux-x86-64.so.2).
interp="$(LC_ALL=C readelf -l "$RUNTIME/bin/java" 2>/dev/null |
  sed -n 's/.*Requesting program interpreter: \(.*\)]/\1/p' || true)"
if [[ -n "$interp" && ! -e "$ROOTFS$interp" ]]; then
  mkdir -p "$ROOTFS$(dirname "$interp")"
  cp -L "$interp" "$ROOTFS$interp"
fi

# --- users, groups, /tmp --------------------------------------------------------
mkdir -p "$ROOTFS/etc" "$ROOTFS/tmp" "$ROOTFS/root" "$ROOTFS/home/fake"
cat >"$ROOTFS/etc/passwd" <<EOF
root:x:0:0:root:/root:/sbin/nologin
fake:x:$FAKE_UID:$FAKE_UID:fake:/home/fake:/sbin/nologin
EOF
cat >"$ROOTFS/etc/group" <<EOF
root:x:0:
fake:x:$FAKE_UID:
EOF
# Docker bind-mounts /etc/hosts and /etc/resolv.conf; glibc 2.34+ has the
# files and dns backends built in, so no libnss_*.so is needed.
cat >"$ROOTFS/etc/nsswitch.conf" <<'EOF'
passwd: files
group:  files
hosts:  files dns
EOF
# Java 17 takes file.encoding and sun.jnu.encoding from the C locale; without
# locale data, LANG=C.UTF-8 falls back to ASCII (ANSI_X3.4-1968). glibc's
# C.utf8 locale is 400 KB (Debian's libc-bin ships it).
if [[ -d /usr/lib/locale/C.utf8 ]]; then
  mkdir -p "$ROOTFS/usr/lib/locale"
  cp -a /usr/lib/locale/C.utf8 "$ROOTFS/usr/lib/locale/"
  LANG_CHANGE='ENV LANG=C.UTF-8'
else
  log "warning: no /usr/lib/locale/C.utf8 here; Java's default charset will be ASCII"
  LANG_CHANGE='ENV LANG=C'
fi
chmod 1777 "$ROOTFS/tmp"
chmod 0700 "$ROOTFS/root"
chmod 0755 "$ROOTFS/home/fake"

TAR_OWNER=(--numeric-owner)
if [[ "$(id -u)" == 0 ]]; then
  chown -R 0:0 "$ROOTFS"
  chown "$FAKE_UID:$FAKE_UID" "$ROOTFS/home/fake"
else
  TAR_OWNER+=(--owner=0 --group=0)
  chmod 1777 "$ROOTFS/home/fake"
fi

# --- import ---------------------------------------------------------------------
OLD_ID="$(docker image inspect -f '{{.Id}}' "$IMAGE" 2>/dev/null || true)"
log "importing $IMAGE"
tar -C "$ROOTFS" --sort=name "${TAR_OWNER[@]}" -cf - . |
  docker import \
    --change 'ENV PATH=/opt/java/bin:/usr/bin:/bin' \
    --change 'ENV JAVA_HOME=/opt/java' \
    --change "$LANG_CHANGE" \
    --change 'CMD ["java", "-version"]' \
    --message "jlink Java 17 runtime ($MODULES) made by docker/base-image/make-base-image.sh" \
    - "$IMAGE" >/dev/null

NEW_ID="$(docker image inspect -f '{{.Id}}' "$IMAGE")"
if [[ -n "$OLD_ID" && "$OLD_ID" != "$NEW_ID" ]]; then
  # The replaced image, unless an image built from it still holds it.
  docker image rm "$OLD_ID" >/dev/null 2>&1 || true
fi

if [[ "$VERIFY" == true ]]; then
  docker run --rm --user "$FAKE_UID" "$IMAGE" java -version ||
    die "the new image $IMAGE cannot run java -version"
fi
log "built $IMAGE ($(docker image inspect -f '{{.Size}}' "$IMAGE") bytes)"
