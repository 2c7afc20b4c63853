/**
 * Typed arrays handed out as views of large shared buffers. An answer's features and vector (a hundred numbers
 * each) would otherwise each get a buffer of their own, which is slower to make and to collect than the view: a
 * 10,000-answer run makes 40,000 of them. A buffer is freed once no view of it is left.
 */
const CHUNK = 1 << 16;

let ints = new Int32Array(CHUNK);
let intsUsed = 0;
let floats = new Float64Array(CHUNK);
let floatsUsed = 0;

/** A new Int32Array of `length` zeros. */
export function intArray(length: number): Int32Array {
  if (length > CHUNK / 4) return new Int32Array(length);
  if (intsUsed + length > ints.length) {
    ints = new Int32Array(CHUNK);
    intsUsed = 0;
  }
  const view = ints.subarray(intsUsed, intsUsed + length);
  intsUsed += length;
  return view;
}

/** A new Float64Array of `length` zeros. */
export function floatArray(length: number): Float64Array {
  if (length > CHUNK / 4) return new Float64Array(length);
  if (floatsUsed + length > floats.length) {
    floats = new Float64Array(CHUNK);
    floatsUsed = 0;
  }
  const view = floats.subarray(floatsUsed, floatsUsed + length);
  floatsUsed += length;
  return view;
}
