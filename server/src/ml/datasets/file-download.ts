// Downloads a publisher's file with a progress bar; only ever called for a file that is missing.
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SingleBar, Presets } from 'cli-progress';

/** Downloads `url` to `destination` through a temporary file, so an interrupted download never looks complete. */
export async function downloadFile(url: string, destination: string): Promise<void> {
  await mkdir(path.dirname(destination), { recursive: true });
  const response = await fetch(url, { redirect: 'follow' });
  if (!response.ok || !response.body) throw new Error(`GET ${url} answered ${response.status} ${response.statusText}`);
  const total = Number(response.headers.get('content-length') ?? 0);
  const bar = new SingleBar(
    { format: `${path.basename(destination)} [{bar}] {percentage}% {value}/{total} bytes`, stream: process.stderr, noTTYOutput: false },
    Presets.shades_classic,
  );
  bar.start(total || 1, 0);
  let received = 0;
  const temporary = `${destination}.${process.pid}.part`;
  try {
    const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>);
    body.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (!total) bar.setTotal(received);
      bar.update(received);
    });
    await pipeline(body, createWriteStream(temporary));
    await rename(temporary, destination);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    bar.stop();
  }
}
