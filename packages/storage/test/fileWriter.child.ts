// Run as a child process by fileStorage.test.ts: appends big values to a file storage as fast as
// it can and reports each completed write on stdout, until the parent kills it mid-write.
import { createFileStorage } from '../src/fileStorage';

const [path = ''] = process.argv.slice(2);
const storage = await createFileStorage({ path });
const filler = 'x'.repeat(256 * 1024);
for (let index = 0; ; index += 1) {
  await storage.set(`k/${index}`, { index, filler });
  process.stdout.write(`${index}\n`);
}
