#!/usr/bin/env bash
# Builds the podbgp container image from this checkout and prints its tag, podbgp:<version>, the
# one deploy/daemonset.yaml names. Needs the daemon's jars (./mvnw -B -ntp -pl daemon -am package
# -DskipTests; with --package this script runs that first) and a Docker engine: DOCKER_HOST, the
# lab's own (scripts/dockerd.sh start), or the default socket.
#
# The runtime is a jlink image of JDK 25 with only the modules jdeps finds in the daemon's
# classpath. The image is built in two steps: deploy/Dockerfile, tagged
# podbgp-untrained:<version>-<content key>, then a training run of that image makes its AOT cache
# (scripts/image-aot-training.sh) and deploy/Dockerfile.aot adds the cache on top. The result is
# also tagged podbgp:<version>-<content key>; with the same jars, JDK, base image, deploy/ files
# and training the key is the same and nothing is built or trained again.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/docker-env.sh"
source "$root/scripts/java-home.sh"

if [ "${1:-}" = --package ]; then
  (cd "$root" && ./mvnw -B -ntp -q -pl daemon -am package -DskipTests) >&2
fi
jar="$(ls "$root"/daemon/target/daemon-*.jar 2>/dev/null | grep -v -- '-tests.jar' | head -1 || true)"
if [[ -z "$jar" || ! -d "$root/daemon/target/lib" ]]; then
  echo "podbgp image: the daemon is not built: run ./mvnw -B -ntp -pl daemon -am package -DskipTests (or $0 --package)" >&2
  exit 1
fi
version="$(basename "$jar" .jar)"
version="${version#daemon-}"
version="${version%-SNAPSHOT}"
name="podbgp:$version"

# What a jar holds, not its bytes: a rebuilt jar with the same classes has other timestamps.
jar_content() {
  local j
  for j in "$@"; do
    basename "$j"
    unzip -lv "$j" | awk '$7 ~ /^[0-9a-f]{8}$/ { print $7, $8 }'
  done
}

base="$("$root/scripts/base-image.sh")"
key="$( (echo "$base"; cat "$JAVA_HOME/release"
         cd "$root" && sha256sum scripts/image.sh scripts/image-aot-training.sh scripts/jvm.options \
           deploy/Dockerfile deploy/Dockerfile.aot deploy/image/* deploy/aot-training/*
         jar_content "$jar" "$root"/daemon/target/lib/*.jar) | podbgp_content_key)"
if podbgp_have_image "$name-$key"; then
  "$DOCKER" tag "$name-$key" "$name"
  echo "$name"
  exit 0
fi

untrained="podbgp-untrained:$version-$key"
context="$root/daemon/target/image"
if ! podbgp_have_image "$untrained"; then
  rm -rf "$context"
  mkdir -p "$context/lib"
  cp "$jar" "$root"/daemon/target/lib/*.jar "$context/lib/"
  cp "$root"/deploy/image/* "$root/scripts/jvm.options" "$context/"
  # Every jar of the runtime classpath as input, so modules only a dependency uses are counted too.
  modules="$(jdeps --ignore-missing-deps --multi-release 25 --print-module-deps -q "$context"/lib/*.jar 2>/dev/null \
    | tail -n 1)"
  [[ "$modules" == java.base* ]] || { echo "podbgp image: jdeps found no modules (got: $modules)" >&2; exit 1; }
  echo "podbgp image: jlink $modules" >&2
  # Debug attributes out of the classes, and debug symbols out of libjvm & co. where objcopy is there.
  strip=(--strip-debug)
  if command -v objcopy >/dev/null; then
    strip=(--strip-java-debug-attributes --strip-native-debug-symbols "objcopy=$(command -v objcopy)")
  fi
  jlink --add-modules "$modules" "${strip[@]}" --no-man-pages --no-header-files --compress=zip-6 \
    --output "$context/runtime" >&2
  # The runtime's default CDS archive, for a JVM that cannot use the AOT cache: made with the
  # compact object headers and the native access of jvm.options (classes_coh.jsa), since the JVM
  # takes no archive made without the first (jlink's --generate-cds-archive makes only that one,
  # classes.jsa) and drops the archived module graph of one made without the second.
  "$context/runtime/bin/java" -XX:+UseCompactObjectHeaders --enable-native-access=ALL-UNNAMED \
    -Xshare:dump -Xlog:cds=off -Xlog:aot=off >&2
  [[ -f "$context/runtime/lib/server/classes_coh.jsa" ]] \
    || { echo "podbgp image: no CDS archive classes_coh.jsa was made" >&2; exit 1; }
  echo "podbgp image: building $untrained" >&2
  "$DOCKER" build -q --network host --build-arg "BASE=$base" -f "$root/deploy/Dockerfile" \
    --label "dev.podbgp.content=$key" --label "org.opencontainers.image.version=$version" \
    -t "$untrained" "$context" >/dev/null
fi

# The cache belongs to the untrained image's runtime and jars (their paths, sizes and times), so it
# is made by running that image and goes into an image built on it, which changes neither.
echo "podbgp image: training the AOT cache in $untrained" >&2
aot_context="$(mktemp -d "$root/daemon/target/image-aot.XXXXXX")"
trap 'rm -rf "$aot_context"' EXIT
"$root/scripts/image-aot-training.sh" "$untrained" "$aot_context/podbgp.aot"
"$DOCKER" build -q --network host --build-arg "IMAGE=$untrained" -f "$root/deploy/Dockerfile.aot" \
  -t "$name-$key" -t "$name" "$aot_context" >/dev/null
size="$("$DOCKER" image inspect -f '{{.Size}}' "$name")"
echo "podbgp image: $name ($name-$key), $((size / 1000 / 1000)) MB" >&2
echo "$name"
