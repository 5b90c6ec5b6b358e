# Sourced by the image and engine scripts: which Docker engine and which docker CLI they use.
#
# The engine: DOCKER_HOST when set (a developer's own engine); otherwise the lab's private one
# that scripts/dockerd.sh runs on its own socket, when it runs; otherwise Docker's default socket.
# The private engine has its own socket so that nothing else on the machine that looks for
# /var/run/docker.sock finds an engine it did not expect.
PODBGP_DOCKER_DIR="${PODBGP_DOCKER_DIR:-/run/podbgp-docker}"
PODBGP_DOCKER_SOCKET="unix://$PODBGP_DOCKER_DIR/docker.sock"
if [ -z "${DOCKER_HOST:-}" ] && [ -S "$PODBGP_DOCKER_DIR/docker.sock" ]; then
  export DOCKER_HOST="$PODBGP_DOCKER_SOCKET"
fi
# The CLI: Debian's docker.io ships one of the same release as its dockerd; another docker on
# PATH (a newer static CLI in /usr/local/bin, say) may want BuildKit, which docker.io lacks.
if [ -n "${PODBGP_DOCKER_CLI:-}" ]; then
  DOCKER="$PODBGP_DOCKER_CLI"
elif [ -x /usr/bin/docker ]; then
  DOCKER=/usr/bin/docker
else
  DOCKER="$(command -v docker || echo docker)"
fi
# The classic builder: it is what docker.io 20.10 has, and it caches layers the same way.
export DOCKER_BUILDKIT=0

# Prints the first 16 hex digits of the SHA-256 of its standard input: the content key an image
# is tagged with, so an unchanged input is never built twice.
podbgp_content_key() {
  sha256sum | cut -c1-16
}

# True when the engine has the image.
podbgp_have_image() {
  "$DOCKER" image inspect "$1" >/dev/null 2>&1
}
