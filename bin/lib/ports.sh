# shellcheck shell=bash
# Ports on this machine's loopback, for bin/run, bench/run and bin/pg-cluster (sourced).

# Something already accepting connections on 127.0.0.1:PORT (bash's /dev/tcp avoids depending on nc or ss for the
# check itself).
port_in_use() {
    (: <"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
