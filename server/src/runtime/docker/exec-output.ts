import { PassThrough } from 'node:stream';
import type Docker from 'dockerode';

/** Runs `cmd` in a running container and returns its exit code and its output (stdout and stderr, as text). */
export async function execOutput(
  docker: Docker,
  container: Docker.Container,
  cmd: string[],
): Promise<{ exitCode: number; output: string }> {
  const exec = await container.exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true });
  const stream = await exec.start({});
  const output = await new Promise<string>((resolve, reject) => {
    let text = '';
    const sink = new PassThrough();
    sink.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    // Without a TTY the engine frames each chunk with an 8-byte header naming its stream.
    docker.modem.demuxStream(stream, sink, sink);
    stream.on('end', () => resolve(text));
    stream.on('error', reject);
  });
  const { ExitCode } = await exec.inspect();
  return { exitCode: ExitCode ?? -1, output };
}
