#!/usr/bin/env bash
# GPU throughput on a lent device machine (issue #8), one call: the reference CNN at several batch sizes and flags,
# a per-step profile (dispatch vs kernel time), the CIFAR CNN and the LSTM on webgpu, then PyTorch on the same GPU.
# The machine has no Node and no npm: the scripts travel bundled. Prepare here (repository root):
#   bench/train-throughput/device-run.sh --prepare
# then run `bench/train-throughput/device-run.sh [all|cnn]` there, carrying .gl and .gpu-bench. Results: $OUT/results.jsonl.
set -u
bundle=.gpu-bench
if [ "${1:-}" = --prepare ]; then
  set -e
  rm -rf $bundle && mkdir -p $bundle/node_modules/webgpu/dist/linux-x64 .gl
  for script in train-one step-profile; do
    npx esbuild bench/train-throughput/$script.ts --bundle --platform=node --format=esm --target=node20 --log-level=warning \
      --outfile=$bundle/$script.mjs --external:webgpu --external:@tensorflow/tfjs-node --external:@tensorflow/tfjs-node-gpu \
      --banner:js="import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);"
  done
  cp node_modules/webgpu/package.json node_modules/webgpu/index.js $bundle/node_modules/webgpu/
  xz -T2 -c node_modules/webgpu/dist/linux-x64/dawn.node > $bundle/node_modules/webgpu/dist/linux-x64/dawn.node.xz
  xz -T2 -c "$(command -v node)" > $bundle/node.xz
  cp bench/train-throughput/pytorch_reference.py $bundle/
  # The Vulkan loader (the NVIDIA ICD is the driver's own).
  o='-oAPT::Architecture=amd64 -oAPT::Architectures=amd64 -oDir::State::Lists=/tmp/amd64'
  mkdir -p /tmp/amd64/partial && apt-get $o update >/dev/null && (cd .gl && apt-get $o download libvulkan1)
  exit 0
fi

for deb in .gl/*.deb; do dpkg -x "$deb" /; done
ldconfig
icd=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
[ -f $icd ] && export VK_DRIVER_FILES=$icd
node=$(command -v node || true)
if [ -z "$node" ]; then xz -dc $bundle/node.xz > /tmp/node && chmod +x /tmp/node && node=/tmp/node; fi
xz -dk $bundle/node_modules/webgpu/dist/linux-x64/dawn.node.xz 2>/dev/null
out=${OUT:-/tmp/out}
mkdir -p "$out"
nvidia-smi --query-gpu=name,driver_version,clocks.sm --format=csv,noheader
"$node" -v

train() { timeout 120 "$node" $bundle/train-one.mjs "$@" 2>>"$out/stderr.log" | tee -a "$out/results.jsonl"; }
profile() {
  HYPERSCOPE_DAWN_FLAGS=enable-dawn-features=allow_unsafe_apis timeout 120 "$node" $bundle/step-profile.mjs "$@" 2>>"$out/stderr.log" | tee -a "$out/profile.jsonl"
}
case "${1:-all}" in
  all)
    profile mnist-cnn webgpu --batch-size 256 --steps 20
    profile mnist-cnn webgpu --batch-size 64 --steps 20
    train mnist-cnn webgpu 40 --batch-size 64
    train mnist-cnn webgpu 40 --batch-size 256
    train mnist-cnn webgpu 10 --batch-size 1024
    train mnist-cnn webgpu 40 --batch-size 256 --tf-flags '{"WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE":1000}'
    train mnist-cnn webgpu 40 --batch-size 256 --tf-flags '{"WEBGPU_CPU_HANDOFF_SIZE_THRESHOLD":0}'
    train cifar-cnn webgpu 40 --batch-size 64
    train cifar-cnn webgpu 40 --batch-size 256
    train imdb-lstm webgpu 2 --batch-size 64
    for batch in 64 256; do
      timeout 120 python3 $bundle/pytorch_reference.py --device cuda --threads 2 --batches 100 --batch-size $batch 2>>"$out/stderr.log" | tee -a "$out/results.jsonl"
    done
    ;;
  cnn)  # the CNNs alone, after a change to the webgpu kernels
    profile mnist-cnn webgpu --batch-size 256 --steps 20
    HYPERSCOPE_DAWN_FLAGS='enable-dawn-features=allow_unsafe_apis disable-dawn-features=timestamp_quantization' \
      timeout 120 "$node" $bundle/step-profile.mjs mnist-cnn webgpu --batch-size 256 --steps 20 2>>"$out/stderr.log" | tee -a "$out/profile.jsonl"
    train mnist-cnn webgpu 40 --batch-size 64
    train mnist-cnn webgpu 80 --batch-size 256
    train mnist-cnn webgpu 20 --batch-size 1024
    train mnist-cnn webgpu 80 --batch-size 256 --tf-flags '{"WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE":50}'
    train mnist-cnn webgpu 80 --batch-size 256 --tf-flags '{"WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE":200}'
    train mnist-cnn webgpu 20 --batch-size 1024 --tf-flags '{"WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE":50}'
    train cifar-cnn webgpu 40 --batch-size 64
    train cifar-cnn webgpu 80 --batch-size 256
    train imdb-lstm webgpu 2 --batch-size 64
    ;;
  repeat)  # the reference CNN's batch-256 figure and the submit-batch flag, each twice, for the spread
    for round in 1 2; do
      train mnist-cnn webgpu 200 --batch-size 256
      train mnist-cnn webgpu 200 --batch-size 256 --tf-flags '{"WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE":50}'
      train mnist-cnn webgpu 50 --batch-size 1024
      train mnist-cnn webgpu 50 --batch-size 1024 --tf-flags '{"WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE":50}'
    done
    ;;
  final)  # after the upload and patch-program changes: the figures for BENCHMARKS.md
    HYPERSCOPE_DAWN_FLAGS='enable-dawn-features=allow_unsafe_apis disable-dawn-features=timestamp_quantization' \
      timeout 120 "$node" $bundle/step-profile.mjs mnist-cnn webgpu --batch-size 256 --steps 50 2>>"$out/stderr.log" | tee -a "$out/profile.jsonl"
    for round in 1 2 3; do train mnist-cnn webgpu 200 --batch-size 256; done
    train mnist-cnn webgpu 80 --batch-size 64
    train mnist-cnn webgpu 50 --batch-size 1024
    train cifar-cnn webgpu 200 --batch-size 256
    train cifar-cnn webgpu 80 --batch-size 64
    ;;
  input)  # after scaling the image batch on the backend: batch 256 three times, and the submit-batch flag at 30
    for round in 1 2 3; do train mnist-cnn webgpu 200 --batch-size 256; done
    for round in 1 2; do train mnist-cnn webgpu 200 --batch-size 256 --tf-flags '{"WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE":30}'; done
    train cifar-cnn webgpu 200 --batch-size 256
    ;;
  cpu-profile)  # where the host's time goes in a batch-256 step: V8's CPU profile of the main thread
    mkdir -p "$out/prof"
    timeout 120 "$node" --cpu-prof --cpu-prof-dir="$out/prof" $bundle/step-profile.mjs mnist-cnn webgpu --batch-size 256 --steps 100 2>>"$out/stderr.log" | tee -a "$out/profile.jsonl"
    ;;
esac
tail -n 30 "$out/stderr.log"
