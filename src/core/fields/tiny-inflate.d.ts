/** tiny-inflate ships no types: raw DEFLATE `source` inflated into `dest` (sized by the caller), returned. */
declare module 'tiny-inflate' {
  function inflate(source: Uint8Array, dest: Uint8Array): Uint8Array;
  export default inflate;
}
