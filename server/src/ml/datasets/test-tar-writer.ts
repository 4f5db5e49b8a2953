// Test support: writes .tar.gz archives (ustar, pax for long names) so readers are tested on files in published layouts.
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

function header(name: string, size: number, type: string): Buffer {
  const block = Buffer.alloc(512);
  block.write(name.slice(0, 100), 0);
  block.write('0000644\0', 100);
  block.write('0000000\0', 108);
  block.write('0000000\0', 116);
  block.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  block.write('14000000000\0', 136);
  block.write('        ', 148);
  block.write(type, 156);
  block.write('ustar\0' + '00', 257);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return block;
}

function padded(data: Buffer): Buffer {
  return Buffer.concat([data, Buffer.alloc((512 - (data.length % 512)) % 512)]);
}

export function writeTarGz(filePath: string, members: Record<string, Buffer | string>): void {
  const parts: Buffer[] = [];
  for (const [name, content] of Object.entries(members)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
    if (name.length > 100) {
      const record = ` path=${name}\n`;
      const pax = Buffer.from(`${record.length + String(record.length + 2).length}${record}`);
      parts.push(header('PaxHeader', pax.length, 'x'), padded(pax));
    }
    parts.push(header(name, data.length, '0'), padded(data));
  }
  parts.push(Buffer.alloc(1024));
  writeFileSync(filePath, gzipSync(Buffer.concat(parts)));
}
