// Loops we run as our own WebAssembly (SIMD, four floats per instruction) directly on the TF.js wasm backend's
// memory, where a JS loop over views of that memory is slow: once any ArrayBuffer has been detached in a process
// (the backend's memory detaches its buffer each time it grows), V8 checks for detachment on every typed-array
// access, which made the fused Adam loop ~2.5× slower than the same loop in a fresh process (docs/BENCHMARKS.md).
// The module imports the backend's memory and takes byte offsets of tensors in it; its text is below, compiled with
// wabt (an npm package, no download) when the wasm backend starts.
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type * as tf from '@tensorflow/tfjs';
import wabtModule from 'wabt';

const KERNELS_WAT = String.raw`
(module
  (import "env" "memory" (memory 1))

  ;; One Adam step over n floats: m' = β1·m + (1−β1)·g, v' = β2·v + (1−β2)·g², w' = w − rate·m'/(√v'·rootScale + ε),
  ;; with rate = lr/(1 − β1^t) and rootScale = 1/√(1 − β2^t). Operands are byte offsets.
  (func (export "adam")
    (param $g i32) (param $m i32) (param $v i32) (param $w i32) (param $mOut i32) (param $vOut i32) (param $wOut i32)
    (param $n i32) (param $beta1 f32) (param $gain1 f32) (param $beta2 f32) (param $gain2 f32) (param $rate f32)
    (param $rootScale f32) (param $epsilon f32)
    (local $at i32) (local $vectorEnd i32) (local $end i32)
    (local $B1 v128) (local $G1 v128) (local $B2 v128) (local $G2 v128) (local $R v128) (local $S v128) (local $E v128)
    (local $gv v128) (local $mv v128) (local $vv v128)
    (local $gs f32) (local $ms f32) (local $vs f32)
    (local.set $B1 (f32x4.splat (local.get $beta1)))
    (local.set $G1 (f32x4.splat (local.get $gain1)))
    (local.set $B2 (f32x4.splat (local.get $beta2)))
    (local.set $G2 (f32x4.splat (local.get $gain2)))
    (local.set $R (f32x4.splat (local.get $rate)))
    (local.set $S (f32x4.splat (local.get $rootScale)))
    (local.set $E (f32x4.splat (local.get $epsilon)))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (local.set $vectorEnd (i32.and (local.get $end) (i32.const -16)))
    (block $vectorsDone
      (loop $vectors
        (br_if $vectorsDone (i32.ge_u (local.get $at) (local.get $vectorEnd)))
        (local.set $gv (v128.load (i32.add (local.get $g) (local.get $at))))
        (local.set $mv (f32x4.add (f32x4.mul (v128.load (i32.add (local.get $m) (local.get $at))) (local.get $B1))
                                  (f32x4.mul (local.get $gv) (local.get $G1))))
        (local.set $vv (f32x4.add (f32x4.mul (v128.load (i32.add (local.get $v) (local.get $at))) (local.get $B2))
                                  (f32x4.mul (f32x4.mul (local.get $gv) (local.get $gv)) (local.get $G2))))
        (v128.store (i32.add (local.get $mOut) (local.get $at)) (local.get $mv))
        (v128.store (i32.add (local.get $vOut) (local.get $at)) (local.get $vv))
        (v128.store (i32.add (local.get $wOut) (local.get $at))
          (f32x4.sub (v128.load (i32.add (local.get $w) (local.get $at)))
                     (f32x4.div (f32x4.mul (local.get $R) (local.get $mv))
                                (f32x4.add (f32x4.mul (f32x4.sqrt (local.get $vv)) (local.get $S)) (local.get $E)))))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br $vectors)))
    (block $tailDone
      (loop $tail
        (br_if $tailDone (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $gs (f32.load (i32.add (local.get $g) (local.get $at))))
        (local.set $ms (f32.add (f32.mul (f32.load (i32.add (local.get $m) (local.get $at))) (local.get $beta1))
                                (f32.mul (local.get $gs) (local.get $gain1))))
        (local.set $vs (f32.add (f32.mul (f32.load (i32.add (local.get $v) (local.get $at))) (local.get $beta2))
                                (f32.mul (f32.mul (local.get $gs) (local.get $gs)) (local.get $gain2))))
        (f32.store (i32.add (local.get $mOut) (local.get $at)) (local.get $ms))
        (f32.store (i32.add (local.get $vOut) (local.get $at)) (local.get $vs))
        (f32.store (i32.add (local.get $wOut) (local.get $at))
          (f32.sub (f32.load (i32.add (local.get $w) (local.get $at)))
                   (f32.div (f32.mul (local.get $rate) (local.get $ms))
                            (f32.add (f32.mul (f32.sqrt (local.get $vs)) (local.get $rootScale)) (local.get $epsilon)))))
        (local.set $at (i32.add (local.get $at) (i32.const 4)))
        (br $tail))))
  ;; MaxPool's input gradient for windows that neither overlap nor pad (fh×fw, stride fh×fw), NHWC, float32: every
  ;; input position of a window gets the window's gradient if it is the first (row by row) to equal the window's
  ;; maximum y, else 0. Four channels per vector, the rest one by one. Byte offsets; positions outside every window
  ;; (when the input is not a whole number of windows) are not written.
  (func (export "maxPoolGradDisjoint")
    (param $x i32) (param $y i32) (param $g i32) (param $dx i32) (param $batch i32) (param $inH i32) (param $inW i32)
    (param $channels i32) (param $outH i32) (param $outW i32) (param $fh i32) (param $fw i32)
    (local $b i32) (local $oh i32) (local $ow i32) (local $c i32) (local $fy i32) (local $fx i32)
    (local $pixelBytes i32) (local $rowBytes i32) (local $vectorChannels i32) (local $corner i32) (local $o i32) (local $at i32)
    (local $yv v128) (local $gv v128) (local $taken v128) (local $hit v128)
    (local $ys f32) (local $gs f32) (local $takenS i32) (local $hitS i32)
    (local.set $pixelBytes (i32.shl (local.get $channels) (i32.const 2)))
    (local.set $rowBytes (i32.mul (local.get $inW) (local.get $pixelBytes)))
    (local.set $vectorChannels (i32.and (local.get $channels) (i32.const -4)))
    (local.set $b (i32.const 0))
    (block $batchDone (loop $batchLoop
      (br_if $batchDone (i32.ge_u (local.get $b) (local.get $batch)))
      (local.set $oh (i32.const 0))
      (block $rowsDone (loop $rowLoop
        (br_if $rowsDone (i32.ge_u (local.get $oh) (local.get $outH)))
        (local.set $ow (i32.const 0))
        (block $columnsDone (loop $columnLoop
          (br_if $columnsDone (i32.ge_u (local.get $ow) (local.get $outW)))
          ;; corner = ((b·inH + oh·fh)·inW + ow·fw)·pixelBytes
          (local.set $corner (i32.mul
            (i32.add
              (i32.mul (i32.add (i32.mul (local.get $b) (local.get $inH)) (i32.mul (local.get $oh) (local.get $fh))) (local.get $inW))
              (i32.mul (local.get $ow) (local.get $fw)))
            (local.get $pixelBytes)))
          (local.set $c (i32.const 0))
          (block $vectorsDone (loop $vectorLoop
            (br_if $vectorsDone (i32.ge_u (local.get $c) (local.get $vectorChannels)))
            (local.set $yv (v128.load (i32.add (local.get $y) (local.get $o))))
            (local.set $gv (v128.load (i32.add (local.get $g) (local.get $o))))
            (local.set $taken (v128.const i32x4 0 0 0 0))
            (local.set $fy (i32.const 0))
            (block $windowRowsDone (loop $windowRowLoop
              (br_if $windowRowsDone (i32.ge_u (local.get $fy) (local.get $fh)))
              (local.set $fx (i32.const 0))
              (block $windowColumnsDone (loop $windowColumnLoop
                (br_if $windowColumnsDone (i32.ge_u (local.get $fx) (local.get $fw)))
                (local.set $at (i32.add (i32.add (local.get $corner) (i32.shl (local.get $c) (i32.const 2)))
                  (i32.add (i32.mul (local.get $fy) (local.get $rowBytes)) (i32.mul (local.get $fx) (local.get $pixelBytes)))))
                (local.set $hit (v128.andnot (f32x4.eq (v128.load (i32.add (local.get $x) (local.get $at))) (local.get $yv)) (local.get $taken)))
                (local.set $taken (v128.or (local.get $taken) (local.get $hit)))
                (v128.store (i32.add (local.get $dx) (local.get $at)) (v128.and (local.get $gv) (local.get $hit)))
                (local.set $fx (i32.add (local.get $fx) (i32.const 1)))
                (br $windowColumnLoop)))
              (local.set $fy (i32.add (local.get $fy) (i32.const 1)))
              (br $windowRowLoop)))
            (local.set $c (i32.add (local.get $c) (i32.const 4)))
            (local.set $o (i32.add (local.get $o) (i32.const 16)))
            (br $vectorLoop)))
          (block $scalarsDone (loop $scalarLoop
            (br_if $scalarsDone (i32.ge_u (local.get $c) (local.get $channels)))
            (local.set $ys (f32.load (i32.add (local.get $y) (local.get $o))))
            (local.set $gs (f32.load (i32.add (local.get $g) (local.get $o))))
            (local.set $takenS (i32.const 0))
            (local.set $fy (i32.const 0))
            (block $scalarRowsDone (loop $scalarRowLoop
              (br_if $scalarRowsDone (i32.ge_u (local.get $fy) (local.get $fh)))
              (local.set $fx (i32.const 0))
              (block $scalarColumnsDone (loop $scalarColumnLoop
                (br_if $scalarColumnsDone (i32.ge_u (local.get $fx) (local.get $fw)))
                (local.set $at (i32.add (i32.add (local.get $corner) (i32.shl (local.get $c) (i32.const 2)))
                  (i32.add (i32.mul (local.get $fy) (local.get $rowBytes)) (i32.mul (local.get $fx) (local.get $pixelBytes)))))
                (local.set $hitS (i32.and (f32.eq (f32.load (i32.add (local.get $x) (local.get $at))) (local.get $ys)) (i32.eqz (local.get $takenS))))
                (local.set $takenS (i32.or (local.get $takenS) (local.get $hitS)))
                (f32.store (i32.add (local.get $dx) (local.get $at)) (select (local.get $gs) (f32.const 0) (local.get $hitS)))
                (local.set $fx (i32.add (local.get $fx) (i32.const 1)))
                (br $scalarColumnLoop)))
              (local.set $fy (i32.add (local.get $fy) (i32.const 1)))
              (br $scalarRowLoop)))
            (local.set $c (i32.add (local.get $c) (i32.const 1)))
            (local.set $o (i32.add (local.get $o) (i32.const 4)))
            (br $scalarLoop)))
          (local.set $ow (i32.add (local.get $ow) (i32.const 1)))
          (br $columnLoop)))
        (local.set $oh (i32.add (local.get $oh) (i32.const 1)))
        (br $rowLoop)))
      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (br $batchLoop)))
  )
  ;; Conv2D's filter gradient, NHWC, float32, co a multiple of 8: dW[r, c] = Σ_{b, y, x} xp[b, y·sh + fy, x·sw + fx, ci]
  ;; · dy[b, y, x, c] for every filter row r = (fy, fx, ci), where xp is the input already padded. dW has a multiple
  ;; of 4 rows (rows past the filter's are scratch) and starts at zero. A tile of 4 rows × 8 output channels is held in
  ;; eight vectors while one image's positions stream through; images are the outer loop, so an image's dy and input
  ;; stay in cache while every tile visits them.
  (func (export "convFilterGradient")
    (param $xp i32) (param $dy i32) (param $dw i32) (param $batch i32) (param $hp i32) (param $wp i32) (param $ci i32)
    (param $oh i32) (param $ow i32) (param $co i32) (param $kw i32) (param $rows i32) (param $sh i32) (param $sw i32)
    (local $b i32) (local $r0 i32) (local $c0 i32) (local $y i32) (local $x i32)
    (local $base0 i32) (local $base1 i32) (local $base2 i32) (local $base3 i32)
    (local $coBytes i32) (local $xRowBytes i32) (local $xImageBytes i32) (local $xStep i32) (local $tileRows i32)
    (local $xImage i32) (local $xAt i32) (local $dyAt i32) (local $out i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128) (local $a4 v128) (local $a5 v128) (local $a6 v128) (local $a7 v128)
    (local $d0 v128) (local $d1 v128) (local $s v128)
    (local.set $coBytes (i32.shl (local.get $co) (i32.const 2)))
    (local.set $xRowBytes (i32.shl (i32.mul (local.get $wp) (local.get $ci)) (i32.const 2)))
    (local.set $xImageBytes (i32.mul (local.get $hp) (local.get $xRowBytes)))
    (local.set $xStep (i32.shl (i32.mul (local.get $sw) (local.get $ci)) (i32.const 2)))
    (local.set $tileRows (i32.shl (i32.shr_u (i32.add (local.get $rows) (i32.const 3)) (i32.const 2)) (i32.const 2)))
    (local.set $b (i32.const 0))
    (block $imagesDone (loop $images
      (br_if $imagesDone (i32.ge_u (local.get $b) (local.get $batch)))
      (local.set $xImage (i32.add (local.get $xp) (i32.mul (local.get $b) (local.get $xImageBytes))))
      (local.set $r0 (i32.const 0))
      (block $rowTilesDone (loop $rowTiles
        (br_if $rowTilesDone (i32.ge_u (local.get $r0) (local.get $tileRows)))
        ;; The input offset of each of the tile's rows (clamped to the last filter row): ((fy·wp + fx)·ci + c)·4.
        (local.set $base0 (call $rowBase (local.get $r0) (local.get $rows) (local.get $kw) (local.get $ci) (local.get $wp)))
        (local.set $base1 (call $rowBase (i32.add (local.get $r0) (i32.const 1)) (local.get $rows) (local.get $kw) (local.get $ci) (local.get $wp)))
        (local.set $base2 (call $rowBase (i32.add (local.get $r0) (i32.const 2)) (local.get $rows) (local.get $kw) (local.get $ci) (local.get $wp)))
        (local.set $base3 (call $rowBase (i32.add (local.get $r0) (i32.const 3)) (local.get $rows) (local.get $kw) (local.get $ci) (local.get $wp)))
        (local.set $c0 (i32.const 0))
        (block $channelTilesDone (loop $channelTiles
          (br_if $channelTilesDone (i32.ge_u (local.get $c0) (local.get $co)))
          (local.set $out (i32.add (local.get $dw) (i32.shl (i32.add (i32.mul (local.get $r0) (local.get $co)) (local.get $c0)) (i32.const 2))))
          (local.set $a0 (v128.load (local.get $out)))
          (local.set $a1 (v128.load offset=16 (local.get $out)))
          (local.set $a2 (v128.load (i32.add (local.get $out) (local.get $coBytes))))
          (local.set $a3 (v128.load offset=16 (i32.add (local.get $out) (local.get $coBytes))))
          (local.set $a4 (v128.load (i32.add (local.get $out) (i32.shl (local.get $coBytes) (i32.const 1)))))
          (local.set $a5 (v128.load offset=16 (i32.add (local.get $out) (i32.shl (local.get $coBytes) (i32.const 1)))))
          (local.set $a6 (v128.load (i32.add (local.get $out) (i32.mul (local.get $coBytes) (i32.const 3)))))
          (local.set $a7 (v128.load offset=16 (i32.add (local.get $out) (i32.mul (local.get $coBytes) (i32.const 3)))))
          (local.set $y (i32.const 0))
          (block $outRowsDone (loop $outRows
            (br_if $outRowsDone (i32.ge_u (local.get $y) (local.get $oh)))
            (local.set $xAt (i32.add (local.get $xImage) (i32.mul (i32.mul (local.get $y) (local.get $sh)) (local.get $xRowBytes))))
            (local.set $dyAt (i32.add (local.get $dy)
              (i32.add (i32.mul (i32.mul (i32.add (i32.mul (local.get $b) (local.get $oh)) (local.get $y)) (local.get $ow)) (local.get $coBytes))
                       (i32.shl (local.get $c0) (i32.const 2)))))
            (local.set $x (i32.const 0))
            (block $outColumnsDone (loop $outColumns
              (br_if $outColumnsDone (i32.ge_u (local.get $x) (local.get $ow)))
              (local.set $d0 (v128.load (local.get $dyAt)))
              (local.set $d1 (v128.load offset=16 (local.get $dyAt)))
              (local.set $s (v128.load32_splat (i32.add (local.get $xAt) (local.get $base0))))
              (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $s) (local.get $d0))))
              (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $s) (local.get $d1))))
              (local.set $s (v128.load32_splat (i32.add (local.get $xAt) (local.get $base1))))
              (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $s) (local.get $d0))))
              (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $s) (local.get $d1))))
              (local.set $s (v128.load32_splat (i32.add (local.get $xAt) (local.get $base2))))
              (local.set $a4 (f32x4.add (local.get $a4) (f32x4.mul (local.get $s) (local.get $d0))))
              (local.set $a5 (f32x4.add (local.get $a5) (f32x4.mul (local.get $s) (local.get $d1))))
              (local.set $s (v128.load32_splat (i32.add (local.get $xAt) (local.get $base3))))
              (local.set $a6 (f32x4.add (local.get $a6) (f32x4.mul (local.get $s) (local.get $d0))))
              (local.set $a7 (f32x4.add (local.get $a7) (f32x4.mul (local.get $s) (local.get $d1))))
              (local.set $xAt (i32.add (local.get $xAt) (local.get $xStep)))
              (local.set $dyAt (i32.add (local.get $dyAt) (local.get $coBytes)))
              (local.set $x (i32.add (local.get $x) (i32.const 1)))
              (br $outColumns)))
            (local.set $y (i32.add (local.get $y) (i32.const 1)))
            (br $outRows)))
          (v128.store (local.get $out) (local.get $a0))
          (v128.store offset=16 (local.get $out) (local.get $a1))
          (v128.store (i32.add (local.get $out) (local.get $coBytes)) (local.get $a2))
          (v128.store offset=16 (i32.add (local.get $out) (local.get $coBytes)) (local.get $a3))
          (v128.store (i32.add (local.get $out) (i32.shl (local.get $coBytes) (i32.const 1))) (local.get $a4))
          (v128.store offset=16 (i32.add (local.get $out) (i32.shl (local.get $coBytes) (i32.const 1))) (local.get $a5))
          (v128.store (i32.add (local.get $out) (i32.mul (local.get $coBytes) (i32.const 3))) (local.get $a6))
          (v128.store offset=16 (i32.add (local.get $out) (i32.mul (local.get $coBytes) (i32.const 3))) (local.get $a7))
          (local.set $c0 (i32.add (local.get $c0) (i32.const 8)))
          (br $channelTiles)))
        (local.set $r0 (i32.add (local.get $r0) (i32.const 4)))
        (br $rowTiles)))
      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (br $images)))
  )

  ;; The byte offset, from a padded input position, of filter row r = (fy, fx, ci) (r clamped to rows − 1).
  (func $rowBase (param $r i32) (param $rows i32) (param $kw i32) (param $ci i32) (param $wp i32) (result i32)
    (local $tapRow i32) (local $rest i32)
    (if (i32.ge_u (local.get $r) (local.get $rows)) (then (local.set $r (i32.sub (local.get $rows) (i32.const 1)))))
    (local.set $tapRow (i32.mul (local.get $kw) (local.get $ci)))
    (local.set $rest (i32.rem_u (local.get $r) (local.get $tapRow)))
    ;; ((fy·wp + fx)·ci + c)·4 with fy = r / (kw·ci), fx = rest / ci, c = rest % ci
    (i32.shl
      (i32.add
        (i32.mul
          (i32.add (i32.mul (i32.div_u (local.get $r) (local.get $tapRow)) (local.get $wp)) (i32.div_u (local.get $rest) (local.get $ci)))
          (local.get $ci))
        (i32.rem_u (local.get $rest) (local.get $ci)))
      (i32.const 2)))
)
`;

/** The kernels' exports: every pointer is a byte offset into the backend's memory. */
export interface SimdKernels {
  adam(
    g: number,
    m: number,
    v: number,
    w: number,
    mOut: number,
    vOut: number,
    wOut: number,
    n: number,
    beta1: number,
    gain1: number,
    beta2: number,
    gain2: number,
    rate: number,
    rootScale: number,
    epsilon: number,
  ): void;
  maxPoolGradDisjoint(
    x: number,
    y: number,
    g: number,
    dx: number,
    batch: number,
    inHeight: number,
    inWidth: number,
    channels: number,
    outHeight: number,
    outWidth: number,
    filterHeight: number,
    filterWidth: number,
  ): void;
  convFilterGradient(
    paddedX: number,
    dy: number,
    dw: number,
    batch: number,
    paddedHeight: number,
    paddedWidth: number,
    inChannels: number,
    outHeight: number,
    outWidth: number,
    outChannels: number,
    filterWidth: number,
    filterRows: number,
    strideHeight: number,
    strideWidth: number,
  ): void;
}

/** The backend's WasmMemory, only passed on and compared (the server's TypeScript libs lack the DOM's types). */
type WasmMemory = object;

/** What this module needs of BackendWasm beyond its public interface. */
interface WasmBackendInternals {
  dataIdMap: { get(dataId: object): { memoryOffset: number } | undefined };
  wasm: { asm: { memory: WasmMemory } };
}

/** The part of the WebAssembly JS API used here. */
interface WebAssemblyApi {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: unknown } }>;
}
const webAssembly = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;

/** The kernels instantiated on one backend memory. */
let compiled: { memory: WasmMemory; kernels: SimdKernels } | undefined;

const memoryOf = (backend: BackendWasm): WasmMemory => (backend as unknown as WasmBackendInternals).wasm.asm.memory;

/** Compiles the kernels and instantiates them on the backend's memory (again only if the backend was replaced). */
export async function startSimdKernels(backend: BackendWasm): Promise<void> {
  const memory = memoryOf(backend);
  if (compiled?.memory === memory) return;
  const wabt = await wabtModule();
  const parsed = wabt.parseWat('hyperscope-kernels.wat', KERNELS_WAT, { simd: true });
  try {
    const { buffer } = parsed.toBinary({});
    const { instance } = await webAssembly.instantiate(buffer, { env: { memory } });
    compiled = { memory, kernels: instance.exports as unknown as SimdKernels };
  } finally {
    parsed.destroy();
  }
}

/** The kernels on this backend's memory; starting the wasm backend through initTrainingBackend compiles them. */
export function simdKernels(backend: BackendWasm): SimdKernels {
  if (compiled === undefined || compiled.memory !== memoryOf(backend)) {
    throw new Error('The SIMD kernels are not compiled for this wasm backend: start it through initTrainingBackend.');
  }
  return compiled.kernels;
}

/** The byte offset of a tensor's data in the backend's memory. */
export function heapOffset(backend: BackendWasm, x: tf.TensorInfo): number {
  return (backend as unknown as WasmBackendInternals).dataIdMap.get(x.dataId)!.memoryOffset;
}
