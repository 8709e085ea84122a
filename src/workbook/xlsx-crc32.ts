/** CRC-32 (ISO 3309, the zip checksum), table driven, usable incrementally on a stream. */

const TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

export class Crc32 {
  private value: number;

  /** Continues from a finished CRC (0 to start afresh). */
  constructor(start = 0) {
    this.value = ~start;
  }

  update(bytes: Uint8Array): void {
    let c = this.value;
    for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    this.value = c;
  }

  digest(): number {
    return (this.value ^ -1) >>> 0;
  }
}

export function crc32(bytes: Uint8Array): number {
  const crc = new Crc32();
  crc.update(bytes);
  return crc.digest();
}
