# shellcheck shell=bash
# JAVA_MAJOR and JAVA_FOUND_VIA are set here for the scripts that source this.
# shellcheck disable=SC2034
# Finds a JDK 21 or newer for bin/run and .ci/run (sourced, not executed).
#
# Payara 7 needs Java 21+. The build itself finds one (maven-toolchains-plugin)
# even when Maven runs on Java 17, the default here; bin/run starts Payara
# with it directly, so both scripts pick the JDK themselves and export JAVA_HOME.
#
# Usage:  source bin/lib/java-home.sh
#         find_java_home || { echo "no JDK 21+" >&2; exit 1; }
# Sets:   JAVA_HOME (the JDK), JAVA_MAJOR (e.g. 25), JAVA_FOUND_VIA (a phrase
#         saying where it came from, for the scripts' own message).
# Env:    JAVA_MIN_MAJOR (default 21); JVM_SEARCH_DIR (default /usr/lib/jvm),
#         mainly so that the "no JDK" path can be tried without uninstalling one.

# Prints the major version of the java launcher $1 (8 for "1.8.0_x", 25 for
# "25.0.3"). Runs the launcher because the `release` file is missing from some
# packaged JDKs, while `java -version` always states it.
java_major_of() {
    local line version
    line=$("$1" -version 2>&1 | grep -m1 -E 'version "[^"]+"') || return 1
    version=${line#*version \"}
    version=${version%%\"*}
    if [[ $version == 1.* ]]; then
        version=${version#1.}
    fi
    version=${version%%[!0-9]*}
    [[ -n $version ]] || return 1
    printf '%s\n' "$version"
}

# Succeeds when $1 is a JDK home of at least JAVA_MIN_MAJOR and sets
# _jh_major. javac is required too: Maven compiles with this JDK, and a bare
# runtime would only fail later with a less helpful message.
_jh_usable() {
    local home=$1 major
    [[ -n $home && -x $home/bin/java && -x $home/bin/javac ]] || return 1
    major=$(java_major_of "$home/bin/java") || return 1
    ((major >= ${JAVA_MIN_MAJOR:-21})) || return 1
    _jh_major=$major
}

find_java_home() {
    local _jh_major candidate best="" best_major=0 from_path

    # An explicit JAVA_HOME is the user's choice: honour it whenever it is good enough.
    if [[ -n ${JAVA_HOME:-} ]]; then
        if _jh_usable "$JAVA_HOME"; then
            JAVA_MAJOR=$_jh_major
            JAVA_FOUND_VIA="JAVA_HOME"
            export JAVA_HOME
            return 0
        fi
        # Say so, or the user wonders why their setting had no effect.
        echo "Note: JAVA_HOME=$JAVA_HOME is not a JDK ${JAVA_MIN_MAJOR:-21}+; looking elsewhere." >&2
    fi

    # `java` on PATH is usually a chain of alternatives symlinks; the JDK home
    # is two levels above the real binary.
    if from_path=$(command -v java 2>/dev/null) && [[ -n $from_path ]]; then
        candidate=$(readlink -f "$from_path")
        candidate=${candidate%/bin/java}
        if _jh_usable "$candidate"; then
            JAVA_HOME=$candidate
            JAVA_MAJOR=$_jh_major
            JAVA_FOUND_VIA="java on PATH"
            export JAVA_HOME
            return 0
        fi
    fi

    # Last resort: the newest suitable JDK among the installed ones. Debian
    # keeps symlinked aliases there too; resolving them avoids trying one JDK
    # twice, and the version is compared numerically, not by name.
    local dir=${JVM_SEARCH_DIR:-/usr/lib/jvm}
    for candidate in "$dir"/*/; do
        [[ -d $candidate ]] || continue
        candidate=$(readlink -f "$candidate")
        if _jh_usable "$candidate" && ((_jh_major > best_major)); then
            best=$candidate
            best_major=$_jh_major
        fi
    done
    if [[ -n $best ]]; then
        JAVA_HOME=$best
        JAVA_MAJOR=$best_major
        JAVA_FOUND_VIA="newest JDK ${JAVA_MIN_MAJOR:-21}+ under $dir"
        export JAVA_HOME
        return 0
    fi
    return 1
}

# The message both scripts print when nothing fits, so that they say the same.
java_home_help() {
    cat >&2 <<HELP
No JDK ${JAVA_MIN_MAJOR:-21} or newer found (Payara 7 and this build need one).
Looked at: JAVA_HOME (${JAVA_HOME:-unset}), \`java\` on PATH, and ${JVM_SEARCH_DIR:-/usr/lib/jvm}/*.
Install a JDK ${JAVA_MIN_MAJOR:-21}+ (e.g. Temurin 21 or 25) and/or set JAVA_HOME to it.
HELP
}
