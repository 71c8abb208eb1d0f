#!/usr/bin/env bash
# Builds and runs the libFuzzer targets of Fuzz/ (one per untrusted input: rules files, CSV,
# JSON and YAML lists, /v1/check bodies). Each target is compiled with
# `swiftc -sanitize=fuzzer,address` over the sources it exercises (the core and Reports as
# static modules, Yams from SwiftPM's checkout for `yaml`), cached under .build-fuzz/ and
# rebuilt when a source changes; nothing here is part of the normal `swift build`.
#
# Usage: scripts/fuzz.sh TARGET SECONDS [LIBFUZZER_FLAG...]
#   TARGET   rules | csv | json | yaml | check-body | all (each in turn)
#   SECONDS  how long each target runs
# The run starts from Fuzz/TARGET/corpus (seeds) and Fuzz/TARGET/regressions (past crashes,
# replayed first), with Fuzz/TARGET.dict or else Fuzz/lists.dict; new inputs go to
# .build-fuzz/corpus/TARGET and a crash, hang (-timeout=10) or memory blow-up
# (-rss_limit_mb=2048) to .build-fuzz/crashes/TARGET/. Exits non-zero when any target
# crashed, and prints the input. Runs under `nice -n 15`, FUZZ_JOBS targets at a time (default: one
# per core), one process each.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ $# -lt 2 ]]; then
  sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
  exit 64
fi
target=$1
seconds=$2
shift 2

targets=(rules csv json yaml check-body)
out=.build-fuzz
swiftc=${SWIFTC:-swiftc}
flags=(-sanitize=fuzzer,address -parse-as-library -O -g -swift-version 6 -package-name toolpolicy
  -enable-upcoming-feature ExistentialAny -enable-upcoming-feature MemberImportVisibility
  -enable-upcoming-feature InternalImportsByDefault)

# The longest input each target is given. `rules` is long enough for the deep and long
# expressions that used to overflow the stack (Fuzz/rules/regressions/, docs/reliability.md).
max_len() {
  case $1 in
    rules) echo 32768 ;;
    check-body) echo 4096 ;;
    *) echo 16384 ;;
  esac
}

# The modules a target links, and the repository sources compiled into the target itself.
modules() {
  case $1 in
    rules) echo ToolPolicy ;;
    csv | json) echo ToolPolicy Mustache ToolPolicyReports ;;
    yaml) echo ToolPolicy Mustache ToolPolicyReports Yams ;;
    check-body) echo ToolPolicy ;;
  esac
}
extra_sources() {
  case $1 in
    csv | json) echo Fuzz/shared/LintReport.swift ;;
    yaml) echo Fuzz/shared/LintReport.swift Sources/ToolPolicyCLI/Lint/YAMLUseList.swift ;;
    check-body) echo Sources/ToolPolicyServer/API/CheckRequestBody.swift ;;
  esac
}

# True when $1 is missing or older than any of the other files.
stale() {
  local product=$1 file
  shift
  [[ -e $product ]] || return 0
  for file in "$@"; do [[ $file -nt $product ]] && return 0; done
  return 1
}

# Compiles a Swift module to .build-fuzz/libNAME.a and NAME.swiftmodule.
swift_module() {
  local name=$1
  shift
  echo "== fuzz: compiling module $name" >&2
  nice -n 15 "$swiftc" "${flags[@]}" -module-name "$name" -I "$out" \
    -emit-module -emit-module-path "$out/$name.swiftmodule" -emit-library -static -o "$out/lib$name.a" "$@"
}

mustache_checkout() {
  [[ -d .build/checkouts/swift-mustache ]] || swift package resolve >&2
  echo .build/checkouts/swift-mustache/Sources/Mustache
}

yams_checkout() {
  [[ -d .build/checkouts/Yams ]] || swift package resolve >&2
  echo .build/checkouts/Yams/Sources
}

build_module() {
  local name=$1 sources
  case $name in
    ToolPolicy | ToolPolicyReports)
      mapfile -t sources < <(find "Sources/$name" -name '*.swift' | sort)
      local deps=()
      [[ $name == ToolPolicyReports ]] && deps=("$out/libToolPolicy.a" "$out/libMustache.a")
      if stale "$out/lib$name.a" "${sources[@]}" "${deps[@]}"; then swift_module "$name" "${sources[@]}"; fi
      ;;
    Mustache)
      # The letter and page templates' engine, which ToolPolicyReports imports; no dependency.
      mapfile -t sources < <(find "$(mustache_checkout)" -name '*.swift' | sort)
      if stale "$out/libMustache.a" "${sources[@]}"; then
        local saved=("${flags[@]}")
        flags=(-sanitize=fuzzer,address -parse-as-library -O -g -swift-version 6 -DSWIFT_PACKAGE)
        swift_module Mustache "${sources[@]}"
        flags=("${saved[@]}")
      fi
      ;;
    Yams)
      local yams
      yams=$(yams_checkout)
      mapfile -t sources < <(find "$yams/Yams" "$yams/CYaml" -name '*.swift' -o -name '*.c' -o -name '*.h' | sort)
      if stale "$out/libYams.a" "${sources[@]}"; then
        echo "== fuzz: compiling libyaml (CYaml)" >&2
        mkdir -p "$out/cyaml"
        local c
        for c in "$yams"/CYaml/src/*.c; do
          nice -n 15 clang -c -O1 -g -fsanitize=fuzzer-no-link,address -DYAML_DECLARE_STATIC \
            -I "$yams/CYaml/include" "$c" -o "$out/cyaml/$(basename "$c" .c).o"
        done
        rm -f "$out/libCYaml.a"
        ar rcs "$out/libCYaml.a" "$out"/cyaml/*.o
        local saved=("${flags[@]}")
        # Yams is a Swift 5 package without this project's upcoming features.
        flags=(-sanitize=fuzzer,address -parse-as-library -O -g -swift-version 5 -DSWIFT_PACKAGE -Xcc -DYAML_DECLARE_STATIC -I "$yams/CYaml/include")
        mapfile -t sources < <(find "$yams/Yams" -name '*.swift' | sort)
        swift_module Yams "${sources[@]}"
        flags=("${saved[@]}")
      fi
      ;;
  esac
}

build_target() {
  local name=$1 module libs=() extra sources
  for module in $(modules "$name"); do
    build_module "$module"
    libs=("$out/lib$module.a" "${libs[@]}") # a library before the ones it uses

  done
  if [[ " $(modules "$name") " == *" Yams "* ]]; then
    libs+=("$out/libCYaml.a" -Xcc -DYAML_DECLARE_STATIC -I "$(yams_checkout)/CYaml/include")
  fi
  read -r -a extra <<<"$(extra_sources "$name")"
  mapfile -t sources < <(find "Fuzz/$name" -maxdepth 1 -name '*.swift' | sort)
  local binary="$out/fuzz-$name"
  local inputs=("${sources[@]}" "${extra[@]}")
  for module in $(modules "$name"); do inputs+=("$out/lib$module.a"); done
  if stale "$binary" "${inputs[@]}"; then
    echo "== fuzz: linking $binary" >&2
    # lld: gold warns about every ASan helper symbol it cannot export.
    nice -n 15 "$swiftc" "${flags[@]}" -module-name "Fuzz${name//-/_}" -I "$out" -use-ld=lld \
      "${sources[@]}" "${extra[@]}" "${libs[@]}" -o "$binary"
  fi
}

# Runs one target; returns libFuzzer's status (0 when nothing was found).
run_target() {
  local name=$1 dict=Fuzz/$1.dict corpus=("Fuzz/$1/corpus")
  shift
  [[ -e $dict ]] || dict=Fuzz/lists.dict
  [[ -d Fuzz/$name/regressions ]] && corpus+=("Fuzz/$name/regressions")
  mkdir -p "$out/corpus/$name" "$out/crashes/$name" "$out/logs"
  local log="$out/logs/$name.log" status=0
  echo "== fuzz: $name for ${seconds}s (log: $log)"
  # No leak check: the policy each target loads once, held in a global, reads as a leak.
  ASAN_OPTIONS=detect_leaks=0 nice -n 15 "$out/fuzz-$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len="$(max_len "$name")" -dict="$dict" -artifact_prefix="$out/crashes/$name/" -print_final_stats=1 \
    "$@" "$out/corpus/$name" "${corpus[@]}" >"$log" 2>&1 || status=$?
  grep -E '^#[0-9]+\s+DONE|stat::number_of_executed_units|stat::average_exec_per_sec' "$log" || true
  if [[ $status -ne 0 ]]; then
    grep -E '^==[0-9]+==ERROR|^SUMMARY|Fatal error|ALARM|out-of-memory|Test unit written to' "$log" | head -20 || true
    echo "== fuzz: $name FAILED (status $status); reproduce with: $out/fuzz-$name CRASH_FILE" >&2
  fi
  return "$status"
}

case $target in
  all) selected=("${targets[@]}") ;;
  rules | csv | json | yaml | check-body) selected=("$target") ;;
  *) echo "unknown target '$target' (expected: ${targets[*]} or all)" >&2; exit 64 ;;
esac

mkdir -p "$out"
failed=()
# The modules the selected targets need, the ones without a dependency between them side by
# side, then each target linked.
needed=" "
for name in "${selected[@]}"; do needed+="$(modules "$name") "; done
if [[ $needed == *" Mustache "* || $needed == *" Yams "* ]]; then
  [[ -d .build/checkouts/swift-mustache && -d .build/checkouts/Yams ]] || swift package resolve >&2
fi
pids=()
for module in ToolPolicy Mustache Yams; do
  if [[ $needed == *" $module "* ]]; then build_module "$module" & pids+=($!); fi
done
for pid in "${pids[@]}"; do wait "$pid"; done
if [[ $needed == *" ToolPolicyReports "* ]]; then build_module ToolPolicyReports; fi
for name in "${selected[@]}"; do
  build_target "$name"
done
# The targets run side by side, FUZZ_JOBS at a time (default: one per core), each for its
# full SECONDS; a target's report is printed whole when it ends.
jobs=${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 1)}
declare -A running=()
reap() {
  local name
  for name in "${!running[@]}"; do
    if ! kill -0 "${running[$name]}" 2>/dev/null; then
      wait "${running[$name]}" || failed+=("$name")
      cat "$out/logs/$name.summary"
      unset "running[$name]"
    fi
  done
}
for name in "${selected[@]}"; do
  while [[ ${#running[@]} -ge $jobs ]]; do sleep 1; reap; done
  mkdir -p "$out/logs"
  run_target "$name" "$@" >"$out/logs/$name.summary" 2>&1 &
  running[$name]=$!
done
while [[ ${#running[@]} -gt 0 ]]; do sleep 1; reap; done
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "== fuzz: crashes in: ${failed[*]} (inputs under $out/crashes/)" >&2
  exit 1
fi
echo "== fuzz: no crash"
