# Sourced by the other scripts: selects JDK 25 whatever the machine's default java is.
for candidate in "${PODBGP_JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ]; then
    export JAVA_HOME="$candidate"
    export PATH="$JAVA_HOME/bin:$PATH"
    return 0 2>/dev/null || exit 0
  fi
done
echo "podbgp: JDK 25 not found (looked in /usr/lib/jvm/temurin-25-jdk-amd64); set PODBGP_JAVA_HOME" >&2
return 1 2>/dev/null || exit 1
