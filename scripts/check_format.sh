#!/usr/bin/env bash
# The formatting check of CI (.ci/run): every tracked .cpp and .hpp file must already be formatted as the
# repository's .clang-format says (clang-format --dry-run --Werror). Lists the files that are not, with the
# command that formats them; exit code 1 if there is any. Debian 12's clang-format (14) is the reference:
# scripts/setup.sh format installs it.
# Usage: scripts/check_format.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v clang-format >/dev/null 2>&1; then
    echo "check_format: clang-format not found; run scripts/setup.sh format" >&2
    exit 1
fi
mapfile -t files < <(git ls-files '*.cpp' '*.hpp')
unformatted=()
for file in "${files[@]}"; do
    if ! clang-format --dry-run --Werror "$file" >/dev/null 2>&1; then
        unformatted+=("$file")
    fi
done
if [[ ${#unformatted[@]} -gt 0 ]]; then
    echo "check_format: ${#unformatted[@]} of ${#files[@]} files are not formatted ($(clang-format --version)):" >&2
    printf '  %s\n' "${unformatted[@]}" >&2
    echo "check_format: format them with: clang-format -i ${unformatted[*]}" >&2
    exit 1
fi
echo "check_format: all ${#files[@]} .cpp and .hpp files formatted ($(clang-format --version))"
