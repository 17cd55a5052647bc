#!/usr/bin/env bash
# Makes a machine without a container registry ready for the fake's container
# (SageMakerWorkforceContainer) and prints the settings a build there needs.
#
#   docker/air-gapped-setup.sh [--quiet]
#
# 1. checks that a Docker engine answers (DOCKER_HOST or /var/run/docker.sock);
# 2. builds the registry-free base image sagemaker-workforce-fake-base:17 from
#    the local JDK (docker/base-image/make-base-image.sh), unless the engine
#    has it or eclipse-temurin:17-jre-alpine already;
# 3. prints what to export before `mvn verify` (and the Surefire snippet for
#    a project's own POM): only what this machine needs, each with its reason.
#
# What needs no setting (the Testcontainers module does it itself, see
# docs/container.md): the base image (found when the engine has only the
# registry-free one) and the Docker API version (learned from an engine older
# than the one Testcontainers asks for).
#
# --quiet prints only the export lines (for `eval "$(docker/air-gapped-setup.sh --quiet)"`).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
QUIET=false
for arg in "$@"; do
  case "$arg" in
    --quiet) QUIET=true ;;
    -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "air-gapped-setup: unknown argument: $arg" >&2; exit 2 ;;
  esac
done

say() { if [[ "$QUIET" == false ]]; then echo "air-gapped-setup: $*" >&2; fi; }
die() { echo "air-gapped-setup: ERROR: $*" >&2; exit 1; }

command -v docker >/dev/null 2>&1 || die "no docker command: install a Docker engine first"
docker info >/dev/null 2>&1 || die "no Docker engine answers (docker info failed); start one, or set DOCKER_HOST"

api="$(docker version -f '{{.Server.APIVersion}}' 2>/dev/null || true)"
say "Docker engine $(docker version -f '{{.Server.Version}}' 2>/dev/null || echo '?'), API ${api:-?}"

has_image() { docker image inspect "$1" >/dev/null 2>&1; }

# --- the base image --------------------------------------------------------------
BASE=sagemaker-workforce-fake-base:17
if has_image eclipse-temurin:17-jre-alpine; then
  say "base image: eclipse-temurin:17-jre-alpine is in the engine (the default; nothing to build)"
elif has_image "$BASE"; then
  say "base image: $BASE is in the engine (found without a setting)"
else
  say "base image: building the registry-free $BASE from the local JDK"
  if [[ "$QUIET" == true ]]; then
    SAGEMAKER_FAKE_BASE_IMAGE="$BASE" bash "$ROOT/docker/base-image/make-base-image.sh" >&2
  else
    SAGEMAKER_FAKE_BASE_IMAGE="$BASE" bash "$ROOT/docker/base-image/make-base-image.sh"
  fi
fi

# --- what a build needs --------------------------------------------------------------
exports=()
reasons=()
RYUK=testcontainers/ryuk:0.13.0
if [[ "${TESTCONTAINERS_RYUK_DISABLED:-}" == true ]]; then
  exports+=("TESTCONTAINERS_RYUK_DISABLED=true"); reasons+=("(already set)")
elif ! has_image "$RYUK"; then
  exports+=("TESTCONTAINERS_RYUK_DISABLED=true")
  reasons+=("Testcontainers' Ryuk image $RYUK is not in the engine and no registry serves it")
fi
if [[ -f /.dockerenv ]]; then
  gateway="$(docker network inspect bridge -f '{{range .IPAM.Config}}{{.Gateway}}{{end}}' 2>/dev/null || true)"
  if [[ -n "${TESTCONTAINERS_HOST_OVERRIDE:-}" ]]; then
    exports+=("TESTCONTAINERS_HOST_OVERRIDE=$TESTCONTAINERS_HOST_OVERRIDE"); reasons+=("(already set)")
  elif [[ -z "$gateway" ]]; then
    exports+=("TESTCONTAINERS_HOST_OVERRIDE=localhost")
    reasons+=("this shell runs inside a container whose Docker bridge has no gateway; published ports answer on localhost when the engine runs here too")
  fi
fi

if [[ "$QUIET" == true ]]; then
  for e in "${exports[@]}"; do echo "export $e"; done
  exit 0
fi

echo
if [[ ${#exports[@]} -eq 0 ]]; then
  echo "Ready: the container tests need no setting on this machine."
else
  echo "Ready. Before the build (mvn -B -ntp verify), export:"
  echo
  for i in "${!exports[@]}"; do
    echo "  export ${exports[$i]}      # ${reasons[$i]}"
  done
  echo
  echo "In a project of your own, the same as Surefire (or Failsafe, for *IT classes) configuration:"
  echo
  echo "  <plugin>"
  echo "    <artifactId>maven-surefire-plugin</artifactId>"
  echo "    <configuration>"
  echo "      <environmentVariables>"
  for e in "${exports[@]}"; do
    echo "        <${e%%=*}>${e#*=}</${e%%=*}>"
  done
  echo "      </environmentVariables>"
  echo "    </configuration>"
  echo "  </plugin>"
fi
echo
echo "Found without a setting: the base image (the engine's own), and the Docker API version."
if [[ "$api" =~ ^[0-9]+\.[0-9]+$ ]] && [[ "$(printf '%s\n' "$api" 1.44 | sort -V | head -n 1)" != 1.44 ]]; then
  echo "This engine speaks API $api, older than the 1.44 Testcontainers asks for: the fake's container uses"
  echo "$api by itself; other Testcontainers code started before it needs -Dapi.version=$api"
  echo "(Surefire: <systemPropertyVariables><api.version>$api</api.version></systemPropertyVariables>)."
fi
echo "Checklist and reasons: docs/container.md, \"Air-gapped machines\"."
