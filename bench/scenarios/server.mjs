// The server itself: start-up to initialize answer, and peak RSS when idle.
export const title = 'Server start-up';

export async function run({ LspClient, time, peakRssMb }) {
  let client;
  const initMs = await time(async () => {
    client = new LspClient();
    await client.start({});
  });
  const rss = peakRssMb(client.pid);
  await client.stop();
  return [
    { measure: 'spawn → initialize answered', value: initMs },
    { measure: 'peak RSS (idle)', value: rss, unit: 'MB' },
  ];
}
