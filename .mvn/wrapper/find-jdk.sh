# Sourced by ./mvnw before anything else: Maven must itself run on JDK 25 or newer
# (maven-jar-plugin packages modular jars with the running JDK's tools, which reject
# newer class files), while the machine's default `java` may be older. This picks a
# JDK >= 25 without the user setting anything and exports it as JAVA_HOME.
# POSIX sh: it runs inside the wrapper's `set -euf` shell.

agrama_required_jdk=25

# Prints the feature version (17, 21, 25, ...) of the JDK at $1, or nothing if $1 is no JDK.
agrama_jdk_feature() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  if [ -r "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
  else
    "$1/bin/java" -version 2>&1 | sed -n '1s/^[^"]*"\([0-9]*\).*/\1/p'
  fi
}

agrama_is_new_enough() {
  agrama_v=$(agrama_jdk_feature "$1")
  [ -n "$agrama_v" ] && [ "$agrama_v" -ge "$agrama_required_jdk" ]
}

agrama_find_jdk() {
  # The wrapper runs with `set -f`; this function runs in a subshell, so globbing is on only here.
  set +f
  if [ -n "${JAVA_HOME-}" ] && agrama_is_new_enough "$JAVA_HOME"; then
    printf %s "$JAVA_HOME"
    return 0
  fi
  # Newest first within each place, so a machine with 25 and 26 picks 26.
  for agrama_dir in \
    $(ls -d /usr/lib/jvm/* 2>/dev/null | sort -rV) \
    $(ls -d "${SDKMAN_DIR:-$HOME/.sdkman}"/candidates/java/* 2>/dev/null | sort -rV) \
    $(ls -d "$HOME"/.jdks/* 2>/dev/null | sort -rV) \
    $(ls -d "$HOME"/.asdf/installs/java/* 2>/dev/null | sort -rV) \
    $(ls -d /opt/java/* /opt/jdk* 2>/dev/null | sort -rV) \
    $(ls -d /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/Library/Java/JavaVirtualMachines/*/Contents/Home 2>/dev/null | sort -rV); do
    if agrama_is_new_enough "$agrama_dir"; then
      printf %s "$agrama_dir"
      return 0
    fi
  done
  agrama_java=$(command -v java 2>/dev/null || :)
  if [ -n "$agrama_java" ]; then
    agrama_home=$(dirname "$(dirname "$(readlink -f "$agrama_java" 2>/dev/null || printf %s "$agrama_java")")")
    if agrama_is_new_enough "$agrama_home"; then
      printf %s "$agrama_home"
      return 0
    fi
  fi
  return 1
}

if agrama_found=$(agrama_find_jdk); then
  JAVA_HOME=$agrama_found
  export JAVA_HOME
else
  printf '%s\n' "Agrama Pools needs a JDK $agrama_required_jdk or newer to build, and none was found in JAVA_HOME, /usr/lib/jvm, SDKMAN, ~/.jdks, asdf, /opt or JavaVirtualMachines: install one (for example Temurin 25) and run ./mvnw again." >&2
  exit 1
fi
