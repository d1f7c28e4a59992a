# shellcheck shell=bash
# URL helpers shared by bin/run and bin/test-db (sourced, not executed).

# Percent-encodes $1 for the user or password part of a postgresql:// URL.
# Only RFC 3986's unreserved characters stay as they are, so that ':', '@',
# '/', '%' and the like in a password cannot change how the URL is split.
# Works byte by byte (LC_ALL=C), so UTF-8 characters become %XX%XX.
percent_encode() {
    local LC_ALL=C s=$1 out="" c i
    for ((i = 0; i < ${#s}; i++)); do
        c=${s:i:1}
        case $c in
        [A-Za-z0-9._~-]) out+=$c ;;
        *)
            printf -v c '%%%02X' "'$c"
            out+=$c
            ;;
        esac
    done
    printf '%s\n' "$out"
}

# Prints a URL with its password replaced by ***, for messages and logs.
# Errs towards hiding: an unencoded '/' in the password is hidden as well.
mask_url() {
    sed -E -e 's#^([a-zA-Z][a-zA-Z0-9+.-]*://[^:/@]*):[^@]*@#\1:***@#' \
        -e 's#([?&]password=)[^&]*#\1***#' <<<"$1"
}
