# shellcheck shell=bash
# shellcheck disable=SC2034
# What bin/run, bench/run and bin/import-users know of the build (sourced, from the repository's root): where the
# service module leaves its output, and whether it is out of date.
#
# Usage:  source bin/lib/build.sh
#         needs_build [FILE...]   true when the WAR or one of FILE is missing, or a source is newer than the WAR

readonly BUILD_DIR=service/target
readonly WAR=$BUILD_DIR/auth.war
readonly PAYARA_MICRO_JAR=$BUILD_DIR/payara-micro.jar
# The WildFly the build prepares with -Pwildfly (service/pom.xml's wildfly profile names the same version).
readonly WILDFLY_HOME=$BUILD_DIR/wildfly-39.0.1.Final

needs_build() {
    local file
    for file in "$WAR" "$@"; do
        [[ -e $file ]] || return 0
    done
    # Every module's POM and sources, and the schema; never a module's own build output.
    [[ -n $(find pom.xml db realm datasource accounts importer service examples -name target -prune -o \
        -type f -newer "$WAR" -print -quit 2>/dev/null) ]]
}
