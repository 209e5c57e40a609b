import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { readTar, readTarGz } from '../../server/src/io';

/** A ustar header and data blocks for one member, as tar writes them. */
function member(name: string, body: string | Uint8Array, type = '0'): Buffer {
  const data = typeof body === 'string' ? Buffer.from(body) : Buffer.from(body);
  const header = Buffer.alloc(512);
  header.write(name, 0, 100);
  header.write('0000644\0', 100);
  header.write(data.length.toString(8).padStart(11, '0') + '\0', 124);
  header.write(type, 156);
  header.write('ustar\0' + '00', 257);
  header.fill(' ', 148, 156);
  let sum = 0;
  for (const b of header) sum += b;
  header.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
  return Buffer.concat([header, data, Buffer.alloc((512 - (data.length % 512)) % 512)]);
}

const tar = (...members: Buffer[]) => Buffer.concat([...members, Buffer.alloc(1024)]);

describe('packed chart archives', () => {
  test('regular text files are read by their path in the archive', () => {
    const files = readTarGz(gzipSync(tar(member('web/Chart.yaml', 'name: web\n'), member('./web/values.yaml', 'a: 1\n'))));
    assert.deepEqual(
      [...(files ?? [])],
      [
        ['web/Chart.yaml', 'name: web\n'],
        ['web/values.yaml', 'a: 1\n'],
      ],
    );
  });

  test('links, folders, binary files and paths leaving the archive are left out', () => {
    const files = readTar(
      tar(
        member('web/link.yaml', '', '2'),
        member('web/templates', '', '5'),
        member('web/logo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])),
        member('../evil.yaml', 'x: 1\n'),
        member('/etc/passwd.yaml', 'x: 1\n'),
        member('web/../../up.yaml', 'x: 1\n'),
        member('web/Chart.yaml', 'name: web\n'),
      ),
    );
    assert.deepEqual([...(files?.keys() ?? [])], ['web/Chart.yaml']);
  });

  test('an archive over a size or member limit, or not a tar archive, gives nothing', () => {
    const archive = gzipSync(tar(member('web/Chart.yaml', 'name: web\n'), member('web/values.yaml', 'x'.repeat(4000))));
    assert.equal(readTarGz(archive, { compressedBytes: 10, expandedBytes: 1 << 20, members: 10 }), undefined);
    assert.equal(readTarGz(archive, { compressedBytes: 1 << 20, expandedBytes: 2048, members: 10 }), undefined);
    assert.equal(readTarGz(archive, { compressedBytes: 1 << 20, expandedBytes: 1 << 20, members: 1 }), undefined);
    assert.equal(readTarGz(gzipSync(Buffer.from('not a tar archive'.repeat(64)))), undefined);
    assert.equal(readTarGz(Buffer.from('not gzip')), undefined);
  });
});
