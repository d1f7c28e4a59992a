#!/usr/bin/env python3
"""Writes a large mongoexport-like users file, to measure bin/import-users.

    python3 src/test/python/generate_users_export.py 100000 > /tmp/users-100k.json
    python3 src/test/python/generate_users_export.py 100000 --array > /tmp/users-100k-array.json

One document per line (mongoexport's default) or a JSON array, Extended JSON v2: relaxed and
canonical dates alternate, every 10th user is inactive, every 1000th an admin, and every 100th
record has no bcrypt hash (so the report has skips to show). All users share one passlib hash,
since the importer copies hashes without bcrypt work:
    /usr/bin/python3 -c "from passlib.hash import bcrypt; print(bcrypt.using(rounds=12, ident='2b').hash('generated user password'))"
Test data only. --prefix changes emails, usernames and _ids, for a second file into the same database.
"""
import argparse
import json
import sys
from datetime import datetime, timezone

HASH = "$2b$12$EseSlMJ8jLVp.EBcASIqsurUjx.18dzxVP4dVcG5e4/XwK4yrSOea"


def iso(ms):
    return datetime.fromtimestamp(ms / 1000, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (ms % 1000)


def document(i, prefix):
    created_ms = 1_500_000_000_000 + i * 60_000
    doc = {
        "_id": {"$oid": "%08x%s%08x" % (created_ms // 1000, prefix, i)},
        "email": "User.%s.%d@Example.com" % (prefix, i),
        "username": "user_%s_%d" % (prefix, i),
        "full_name": "Generated User %d" % i,
        "is_active": i % 10 != 0,
        "hashed_password": HASH,
        "created_at": {"$date": {"$numberLong": str(created_ms)}} if i % 2 else {"$date": iso(created_ms)},
        "last_login": {"$date": created_ms + 86_400_000},
        "query_count": {"$numberInt": str(i % 50)},
        "document_count": i % 7,
    }
    if i % 1000 == 0:
        doc["is_superuser"] = True
    if i % 100 == 99:
        doc["hashed_password"] = "not a hash"
    return doc


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("--array", action="store_true", help="write a JSON array (mongoexport --jsonArray)")
    parser.add_argument("--prefix", default="a0a0a0a0", help="8 hex digits that make this file's users unique")
    args = parser.parse_args()
    out = sys.stdout
    if args.array:
        out.write("[\n")
    for i in range(args.count):
        if args.array and i:
            out.write(",\n")
        out.write(json.dumps(document(i, args.prefix), separators=(",", ":")))
        if not args.array:
            out.write("\n")
    if args.array:
        out.write("\n]\n")


if __name__ == "__main__":
    main()
