;; Sparse x dense product Y = A X with 128-bit SIMD (f32x4), the kernel of one LightGCN propagation layer.
;; Same contract as spmmRows in spmm.ts; compiled at load time by wat.ts (wabt); spmm-wasm.ts lays the arrays
;; out in the imported memory. All pointers are byte offsets into that memory, 16-byte aligned:
;;   indptr: int32[rows + 1], indices: int32[nnz], values: float32[nnz], x: float32[cols * d], y: float32[rows * d]
;; d must be a multiple of 4 (the caller falls back to the JS kernel otherwise).
;;
;; Why this shape: the kernel is bound by scattered reads of X rows (one 4d-byte row per nonzero), so each
;; output row is kept in registers and written once. Columns go in blocks of 64 (16 f32x4 accumulators: one
;; whole row when d = 64, the LightGCN default), then 16 (4 accumulators), then 4 (1 accumulator); a row's
;; indices and values are re-read once per block but stay in L1. Each accumulator adds the nonzeros in CSR
;; order, in float32 like the C reference (spmm.ts accumulates in double), so results differ from the JS
;; kernel by float32 rounding only. Addresses are wasm32: the caller keeps all buffers below 4 GiB.
(module
  (import "env" "memory" (memory 1))

  ;; Y[rowStart, rowEnd) = rows of A X.
  (func (export "spmm")
    (param $indptr i32) (param $indices i32) (param $values i32) (param $x i32) (param $y i32)
    (param $d i32) (param $rowStart i32) (param $rowEnd i32)
    (local $r i32) (local $p0 i32) (local $count i32) (local $stride i32) (local $out i32) (local $j i32)
    (local.set $stride (i32.shl (local.get $d) (i32.const 2)))
    (local.set $r (local.get $rowStart))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $r) (local.get $rowEnd)))
        (local.set $p0 (i32.load (i32.add (local.get $indptr) (i32.shl (local.get $r) (i32.const 2)))))
        (local.set $count
          (i32.sub (i32.load offset=4 (i32.add (local.get $indptr) (i32.shl (local.get $r) (i32.const 2))))
                   (local.get $p0)))
        (local.set $out (i32.add (local.get $y) (i32.mul (local.get $r) (local.get $stride))))
        (local.set $p0 (i32.shl (local.get $p0) (i32.const 2))) ;; now a byte offset into indices / values
        (local.set $j (i32.const 0)) ;; byte offset of the column block
        (block $b64done
          (loop $b64
            (br_if $b64done (i32.gt_u (i32.add (local.get $j) (i32.const 256)) (local.get $stride)))
            (call $block64
              (i32.add (local.get $indices) (local.get $p0)) (i32.add (local.get $values) (local.get $p0))
              (local.get $count) (i32.add (local.get $x) (local.get $j)) (local.get $stride)
              (i32.add (local.get $out) (local.get $j)))
            (local.set $j (i32.add (local.get $j) (i32.const 256)))
            (br $b64)))
        (block $b16done
          (loop $b16
            (br_if $b16done (i32.gt_u (i32.add (local.get $j) (i32.const 64)) (local.get $stride)))
            (call $block16
              (i32.add (local.get $indices) (local.get $p0)) (i32.add (local.get $values) (local.get $p0))
              (local.get $count) (i32.add (local.get $x) (local.get $j)) (local.get $stride)
              (i32.add (local.get $out) (local.get $j)))
            (local.set $j (i32.add (local.get $j) (i32.const 64)))
            (br $b16)))
        (block $b4done
          (loop $b4
            (br_if $b4done (i32.ge_u (local.get $j) (local.get $stride)))
            (call $block4
              (i32.add (local.get $indices) (local.get $p0)) (i32.add (local.get $values) (local.get $p0))
              (local.get $count) (i32.add (local.get $x) (local.get $j)) (local.get $stride)
              (i32.add (local.get $out) (local.get $j)))
            (local.set $j (i32.add (local.get $j) (i32.const 16)))
            (br $b4)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rows))))

  ;; out[0..64) = sum over the row's `count` nonzeros of value * X[index][col..col+64), where `xcol` points at
  ;; X[0][col] and `stride` is the byte length of an X row. One nonzero per iteration on purpose: unrolled over
  ;; two, V8 (TurboFan, Node 20) issues all 32 loads first and spills most accumulators to the stack.
  (func $block64
    (param $idx i32) (param $val i32) (param $count i32) (param $xcol i32) (param $stride i32) (param $out i32)
    (local $end i32) (local $xa i32) (local $va v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $a4 v128) (local $a5 v128) (local $a6 v128) (local $a7 v128)
    (local $a8 v128) (local $a9 v128) (local $a10 v128) (local $a11 v128)
    (local $a12 v128) (local $a13 v128) (local $a14 v128) (local $a15 v128)
    (local.set $end (i32.add (local.get $idx) (i32.shl (local.get $count) (i32.const 2))))
    (block $done
      (loop $nonzeros
        (br_if $done (i32.ge_u (local.get $idx) (local.get $end)))
        (local.set $xa (i32.add (local.get $xcol) (i32.mul (i32.load (local.get $idx)) (local.get $stride))))
        (local.set $va (v128.load32_splat (local.get $val)))
        (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (v128.load offset=0 (local.get $xa)) (local.get $va))))
        (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (v128.load offset=16 (local.get $xa)) (local.get $va))))
        (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (v128.load offset=32 (local.get $xa)) (local.get $va))))
        (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (v128.load offset=48 (local.get $xa)) (local.get $va))))
        (local.set $a4 (f32x4.add (local.get $a4) (f32x4.mul (v128.load offset=64 (local.get $xa)) (local.get $va))))
        (local.set $a5 (f32x4.add (local.get $a5) (f32x4.mul (v128.load offset=80 (local.get $xa)) (local.get $va))))
        (local.set $a6 (f32x4.add (local.get $a6) (f32x4.mul (v128.load offset=96 (local.get $xa)) (local.get $va))))
        (local.set $a7 (f32x4.add (local.get $a7) (f32x4.mul (v128.load offset=112 (local.get $xa)) (local.get $va))))
        (local.set $a8 (f32x4.add (local.get $a8) (f32x4.mul (v128.load offset=128 (local.get $xa)) (local.get $va))))
        (local.set $a9 (f32x4.add (local.get $a9) (f32x4.mul (v128.load offset=144 (local.get $xa)) (local.get $va))))
        (local.set $a10 (f32x4.add (local.get $a10) (f32x4.mul (v128.load offset=160 (local.get $xa)) (local.get $va))))
        (local.set $a11 (f32x4.add (local.get $a11) (f32x4.mul (v128.load offset=176 (local.get $xa)) (local.get $va))))
        (local.set $a12 (f32x4.add (local.get $a12) (f32x4.mul (v128.load offset=192 (local.get $xa)) (local.get $va))))
        (local.set $a13 (f32x4.add (local.get $a13) (f32x4.mul (v128.load offset=208 (local.get $xa)) (local.get $va))))
        (local.set $a14 (f32x4.add (local.get $a14) (f32x4.mul (v128.load offset=224 (local.get $xa)) (local.get $va))))
        (local.set $a15 (f32x4.add (local.get $a15) (f32x4.mul (v128.load offset=240 (local.get $xa)) (local.get $va))))
        (local.set $idx (i32.add (local.get $idx) (i32.const 4)))
        (local.set $val (i32.add (local.get $val) (i32.const 4)))
        (br $nonzeros)))
    (v128.store offset=0 (local.get $out) (local.get $a0))
    (v128.store offset=16 (local.get $out) (local.get $a1))
    (v128.store offset=32 (local.get $out) (local.get $a2))
    (v128.store offset=48 (local.get $out) (local.get $a3))
    (v128.store offset=64 (local.get $out) (local.get $a4))
    (v128.store offset=80 (local.get $out) (local.get $a5))
    (v128.store offset=96 (local.get $out) (local.get $a6))
    (v128.store offset=112 (local.get $out) (local.get $a7))
    (v128.store offset=128 (local.get $out) (local.get $a8))
    (v128.store offset=144 (local.get $out) (local.get $a9))
    (v128.store offset=160 (local.get $out) (local.get $a10))
    (v128.store offset=176 (local.get $out) (local.get $a11))
    (v128.store offset=192 (local.get $out) (local.get $a12))
    (v128.store offset=208 (local.get $out) (local.get $a13))
    (v128.store offset=224 (local.get $out) (local.get $a14))
    (v128.store offset=240 (local.get $out) (local.get $a15)))

  ;; As $block64 for 16 columns (4 accumulators).
  (func $block16
    (param $idx i32) (param $val i32) (param $count i32) (param $xcol i32) (param $stride i32) (param $out i32)
    (local $end i32) (local $xa i32) (local $va v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local.set $end (i32.add (local.get $idx) (i32.shl (local.get $count) (i32.const 2))))
    (block $done
      (loop $nonzeros
        (br_if $done (i32.ge_u (local.get $idx) (local.get $end)))
        (local.set $xa (i32.add (local.get $xcol) (i32.mul (i32.load (local.get $idx)) (local.get $stride))))
        (local.set $va (v128.load32_splat (local.get $val)))
        (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (v128.load offset=0 (local.get $xa)) (local.get $va))))
        (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (v128.load offset=16 (local.get $xa)) (local.get $va))))
        (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (v128.load offset=32 (local.get $xa)) (local.get $va))))
        (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (v128.load offset=48 (local.get $xa)) (local.get $va))))
        (local.set $idx (i32.add (local.get $idx) (i32.const 4)))
        (local.set $val (i32.add (local.get $val) (i32.const 4)))
        (br $nonzeros)))
    (v128.store offset=0 (local.get $out) (local.get $a0))
    (v128.store offset=16 (local.get $out) (local.get $a1))
    (v128.store offset=32 (local.get $out) (local.get $a2))
    (v128.store offset=48 (local.get $out) (local.get $a3)))

  ;; As $block64 for 4 columns (1 accumulator).
  (func $block4
    (param $idx i32) (param $val i32) (param $count i32) (param $xcol i32) (param $stride i32) (param $out i32)
    (local $end i32) (local $a0 v128)
    (local.set $end (i32.add (local.get $idx) (i32.shl (local.get $count) (i32.const 2))))
    (block $done
      (loop $nonzeros
        (br_if $done (i32.ge_u (local.get $idx) (local.get $end)))
        (local.set $a0
          (f32x4.add (local.get $a0)
            (f32x4.mul (v128.load (i32.add (local.get $xcol) (i32.mul (i32.load (local.get $idx)) (local.get $stride))))
                       (v128.load32_splat (local.get $val)))))
        (local.set $idx (i32.add (local.get $idx) (i32.const 4)))
        (local.set $val (i32.add (local.get $val) (i32.const 4)))
        (br $nonzeros)))
    (v128.store (local.get $out) (local.get $a0))))
