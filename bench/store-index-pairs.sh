#!/bin/sh
# Alternates two builds of NlpPipeline.Benchmarks on the store index benchmark, since wall time drifts between quiet
# runs of the same binary: store-index-pairs.sh PAIRS OUT BASE_DIR HEAD_DIR [INPUT.jsonl]
# BASE_DIR/HEAD_DIR hold a built NlpPipeline.Benchmarks.dll each (copy bench/NlpPipeline.Benchmarks/bin/Release/net10.0
# of each commit). Every run appends "== DIR pair N TIME load L" and the benchmark's output to OUT.
set -eu
pairs=$1 out=$2 base=$3 head=$4 input=${5:-/tmp/vntc-r5.jsonl}
for i in $(seq 1 "$pairs"); do
  for b in "$base" "$head"; do
    echo "== $b pair $i $(date -u +%H:%M:%S) load $(cut -d' ' -f1 /proc/loadavg)" >> "$out"
    nice dotnet "$b/NlpPipeline.Benchmarks.dll" store-index-figures "$input" 3 >> "$out" 2>&1
  done
done
