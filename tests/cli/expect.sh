#!/usr/bin/env bash
# expect.sh STATUS PATTERN COMMAND...: runs COMMAND, passes when it exits with
# STATUS and its combined output matches the extended regex PATTERN.
want_status=$1; pattern=$2; shift 2
output=$("$@" 2>&1); status=$?
printf '%s\n' "$output"
if [ "$status" -ne "$want_status" ]; then echo "expected exit status $want_status, got $status"; exit 1; fi
if ! grep -Eq -- "$pattern" <<<"$output"; then echo "expected output matching: $pattern"; exit 1; fi
