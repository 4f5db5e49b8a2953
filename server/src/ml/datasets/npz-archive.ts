// numpy's .npz: a zip (stored by np.savez, deflated by np.savez_compressed) of one `<key>.npy` member per array.
import { readNpy, type NpyArray } from './npy-reader.js';
import { ZipArchive } from './zip-reader.js';

export class NpzArchive {
  private constructor(
    private readonly source: string,
    private readonly zip: ZipArchive,
  ) {}

  static async open(filePath: string): Promise<NpzArchive> {
    return new NpzArchive(filePath, await ZipArchive.open(filePath));
  }

  keys(): string[] {
    return this.zip
      .names()
      .filter((name) => name.endsWith('.npy'))
      .map((name) => name.slice(0, -'.npy'.length));
  }

  /** Parses one array; throws naming the keys present when `key` is not one of them. */
  array(key: string): NpyArray {
    const member = `${key}.npy`;
    if (!this.zip.has(member)) throw new Error(`${this.source} has no array '${key}' (it has ${this.keys().join(', ') || 'none'})`);
    return readNpy(this.zip.read(member), `${this.source}:${key}`);
  }
}
