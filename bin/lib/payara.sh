# shellcheck shell=bash
# The one Payara Micro command line of bin/run and bench/run (sourced, from the repository's root): the options in
# server-config/payara-micro.options, which the integration tests read too.

# Prints those options one word per line (for mapfile), without comments and blank lines.
payara_options() {
    sed -e '/^[[:space:]]*#/d' server-config/payara-micro.options | tr -s '[:space:]' '\n' | sed -e '/^$/d'
}
